import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { homeWorkspace } from "@/lib/pipeline/auth/page-access";
import { DEFAULT_WORKSPACE_ID } from "@/lib/workspaces/workspace-id";

export const dynamic = "force-dynamic";

export default async function Home() {
  const home = await homeWorkspace(await headers(), DEFAULT_WORKSPACE_ID);
  if (home.kind === "setup") redirect("/setup");
  if (home.kind === "sign-in") redirect("/sign-in");
  if (home.kind === "workspace" && home.workspaceId !== null) redirect(`/w/${encodeURIComponent(home.workspaceId)}/flows`);
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-sm">
      <h1 className="text-lg font-semibold">No workspace yet</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">You are signed in but not a member of any workspace. Ask an administrator to add you to one.</p>
    </main>
  );
}
