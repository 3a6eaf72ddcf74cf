// The one access check of the REST API: every handler under /api/v1/workspaces/:ws/ is made by
// workspaceRoute, the workspace list by instanceRoute. Each carries the need it was made with,
// so a test can list every route in app/ and fail on one made without them.
import { ApiError } from "./errors";
import { handleJson } from "./route-handler";
import { workspaceParamsSchema } from "./workspace.schemas";
import { decideWorkspaceAccess, visibleWorkspaces, type Need, type Principal, type Role } from "../auth/policy";
import { requestPrincipal } from "../pipeline/auth/request-principal";

export const ACCESS = Symbol.for("flowprint.access");

export interface WorkspaceAccess {
  principal: Principal;
  role: Role;
}

type Handler = ((...args: never[]) => Promise<Response>) & { [ACCESS]?: Need | "instance" };

/** The `need` a route handler was made with; undefined for a handler made without the check. */
export function accessOf(handler: unknown): Need | "instance" | undefined {
  return typeof handler === "function" ? (handler as Handler)[ACCESS] : undefined;
}

async function callerOf(request: Request): Promise<{ principal: Principal; viaCookie: boolean }> {
  const resolved = await requestPrincipal(request);
  if (!resolved.ok) throw new ApiError(401, "unauthenticated", resolved.message);
  if (resolved.viaCookie && !resolved.sameOrigin) {
    throw new ApiError(403, "cross_site_request", "A request that changes something must come from a page of this Flowprint (Origin or Sec-Fetch-Site); scripts use an API token.");
  }
  return resolved;
}

/** Throws the API error for a caller who may not do `need` in `workspaceId`. */
export async function authorizeWorkspace(request: Request, workspaceId: string, need: Need): Promise<WorkspaceAccess> {
  const { principal } = await callerOf(request);
  const decision = decideWorkspaceAccess(principal, workspaceId, need);
  if (!decision.allow) {
    const code = decision.status === 401 ? "unauthenticated" : decision.status === 403 ? "forbidden" : "not_found";
    throw new ApiError(decision.status, code, decision.message);
  }
  return { principal, role: decision.role };
}

export function workspaceRoute<C extends { params: Promise<{ workspaceId: string }> }>(
  need: Need,
  handler: (request: Request, context: C, access: WorkspaceAccess) => Promise<unknown>,
) {
  const route = handleJson(async (request: Request, context: C) => {
    const { workspaceId } = workspaceParamsSchema.parse(await context.params);
    return handler(request, context, await authorizeWorkspace(request, workspaceId, need));
  });
  return Object.assign(route, { [ACCESS]: need });
}

/** A route outside any one workspace: any caller who is signed in (or holds a token); `visible` limits what it may see. */
export function instanceRoute<C>(handler: (request: Request, context: C, visible: ReadonlySet<string> | null, principal: Principal) => Promise<unknown>) {
  const route = handleJson(async (request: Request, context: C) => {
    const { principal } = await callerOf(request);
    if (principal.kind === "anonymous") throw new ApiError(401, "unauthenticated", "Sign in, or send an API token in Authorization: Bearer.");
    return handler(request, context, visibleWorkspaces(principal), principal);
  });
  return Object.assign(route, { [ACCESS]: "instance" as const });
}
