// Where a page request goes when the caller may not see it: the setup, the sign-in, or a 404.
import { decideWorkspaceAccess, visibleWorkspaces } from "../../auth/policy";
import { countUsers } from "../../store/account-repository";
import { listWorkspaces } from "../../store/workspace-repository";
import { getRuntime } from "../runtime";
import { runtimeAuth } from "./request-principal";
import { resolvePrincipal } from "./resolve-principal";

export type PageGate = { kind: "allow" } | { kind: "setup" } | { kind: "sign-in" } | { kind: "not-found" };

async function gateOf(headers: Headers) {
  const auth = await runtimeAuth();
  const { store } = getRuntime();
  if (auth && (await countUsers(store)) === 0) return { gate: { kind: "setup" } as PageGate, principal: null };
  const resolved = await resolvePrincipal(store, auth, headers, Date.now());
  if (!resolved.ok || resolved.principal.kind === "anonymous") return { gate: { kind: "sign-in" } as PageGate, principal: null };
  return { gate: { kind: "allow" } as PageGate, principal: resolved.principal };
}

/** May the caller of this page request see workspace `workspaceId`? */
export async function workspacePageGate(headers: Headers, workspaceId: string): Promise<PageGate> {
  const { gate, principal } = await gateOf(headers);
  if (!principal) return gate;
  return decideWorkspaceAccess(principal, workspaceId, "read").allow ? { kind: "allow" } : { kind: "not-found" };
}

/** The workspace the home page opens: `fallback` when the caller may see it, else the first they may. */
export async function homeWorkspace(headers: Headers, fallback: string): Promise<PageGate | { kind: "workspace"; workspaceId: string | null }> {
  const { gate, principal } = await gateOf(headers);
  if (!principal) return gate;
  const visible = visibleWorkspaces(principal);
  if (visible === null || visible.has(fallback)) return { kind: "workspace", workspaceId: fallback };
  const first = (await listWorkspaces(getRuntime().store)).find((w) => visible.has(w.id));
  return { kind: "workspace", workspaceId: first?.id ?? null };
}
