import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AccountPage, CredentialsForm } from "@/components/account/credentials-form";
import { OidcSignIn } from "@/components/account/oidc-sign-in";
import { sessionView } from "@/lib/pipeline/auth/session-view";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const session = await sessionView(await headers());
  if (session.auth === "off") redirect("/");
  if (session.setup_required) redirect("/setup");
  const { next } = await searchParams;
  return (
    <AccountPage title="Sign in" intro="Use the email and password your Flowprint administrator gave you.">
      <CredentialsForm mode="sign-in" next={next ?? "/"} />
      {session.oidc ? <OidcSignIn name={session.oidc.name} next={next ?? "/"} /> : null}
    </AccountPage>
  );
}
