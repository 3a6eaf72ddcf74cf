import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AccountPage, CredentialsForm } from "@/components/account/credentials-form";
import { sessionView } from "@/lib/pipeline/auth/session-view";

export const metadata: Metadata = { title: "Set up Flowprint" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  const session = await sessionView(await headers());
  if (session.auth === "off" || !session.setup_required) redirect("/");
  return (
    <AccountPage title="Create the first administrator" intro="This account manages users, roles and every workspace, including those that already hold data.">
      <CredentialsForm mode="setup" next="/" />
    </AccountPage>
  );
}
