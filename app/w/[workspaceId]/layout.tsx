import type { ReactNode } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { workspacePageGate } from "@/lib/pipeline/auth/page-access";

// Every page under /w/:ws goes through this one check (a test fails on a page outside it).
export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ workspaceId: string }> }) {
  const workspaceId = decodeURIComponent((await params).workspaceId);
  const gate = await workspacePageGate(await headers(), workspaceId);
  if (gate.kind === "setup") redirect("/setup");
  if (gate.kind === "sign-in") redirect(`/sign-in?next=${encodeURIComponent(`/w/${encodeURIComponent(workspaceId)}`)}`);
  if (gate.kind === "not-found") notFound();
  return <AppShell workspaceId={workspaceId}>{children}</AppShell>;
}
