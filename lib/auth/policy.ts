// Who may do what in a workspace: the one decision every workspace route and page goes through
// (lib/auth/guard-workspace-route.ts). Pure: the caller resolves the principal from the session
// or token first.
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** What a request needs: read anything, change things (settings, drift, runs, keys), or manage members and the workspace. */
export type Need = "read" | "write" | "admin";

export type TokenScope = "read" | "write";

export type Principal =
  /** FLOWPRINT_AUTH=off: the instance is open to whoever reaches it. */
  | { kind: "open" }
  | { kind: "anonymous" }
  | { kind: "user"; userId: string; instanceAdmin: boolean; roles: ReadonlyMap<string, Role>; actor?: string }
  | {
      kind: "token";
      tokenId: string;
      scope: TokenScope;
      /** The one workspace the token is for; null: every workspace of its user. */
      workspaceId: string | null;
      /** The user it acts as; null for a workspace's own token. */
      user: { userId: string; instanceAdmin: boolean; roles: ReadonlyMap<string, Role> } | null;
      actor?: string;
    };

export type Decision =
  | { allow: true; role: Role }
  /** 404 rather than 403 where the caller has no place in the workspace: its name must not leak. */
  | { allow: false; status: 401 | 403 | 404; message: string };

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };
const NEEDED: Record<Need, Role> = { read: "viewer", write: "editor", admin: "admin" };
/** A token never manages members or the workspace: that takes a person signed in. */
const SCOPE_ROLE: Record<TokenScope, Role> = { read: "viewer", write: "editor" };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function atLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

function lower(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}

function userRole(user: { instanceAdmin: boolean; roles: ReadonlyMap<string, Role> }, workspaceId: string): Role | null {
  return user.instanceAdmin ? "admin" : (user.roles.get(workspaceId) ?? null);
}

const notFound = (workspaceId: string): Decision => ({ allow: false, status: 404, message: `Workspace "${workspaceId}" not found.` });

/** May `principal` do what `need` names in `workspaceId`? */
export function decideWorkspaceAccess(principal: Principal, workspaceId: string, need: Need): Decision {
  switch (principal.kind) {
    case "open":
      return { allow: true, role: "admin" };
    case "anonymous":
      return { allow: false, status: 401, message: "Sign in, or send an API token in Authorization: Bearer." };
    case "user": {
      const role = userRole(principal, workspaceId);
      if (role === null) return notFound(workspaceId);
      if (!atLeast(role, NEEDED[need])) return { allow: false, status: 403, message: `This needs the ${NEEDED[need]} role in workspace "${workspaceId}"; you are ${role === "viewer" ? "a" : "an"} ${role}.` };
      return { allow: true, role };
    }
    case "token": {
      if (principal.workspaceId !== null && principal.workspaceId !== workspaceId) return notFound(workspaceId);
      const ownRole = principal.user ? userRole(principal.user, workspaceId) : principal.workspaceId === workspaceId ? "editor" : null;
      if (ownRole === null) return notFound(workspaceId);
      if (need === "admin") return { allow: false, status: 403, message: "Managing members and workspaces takes a signed-in administrator, not an API token." };
      if (!atLeast(ownRole, NEEDED[need])) return { allow: false, status: 403, message: `This needs the ${NEEDED[need]} role in workspace "${workspaceId}"; the token's user is ${ownRole === "viewer" ? "a" : "an"} ${ownRole}.` };
      const role = lower(ownRole, SCOPE_ROLE[principal.scope]);
      if (!atLeast(role, NEEDED[need])) return { allow: false, status: 403, message: `This token's scope is ${principal.scope}: changing anything takes a token with the write scope.` };
      return { allow: true, role };
    }
  }
}

/** The workspaces a principal may see at all: null means every one (open instance, instance admin). */
export function visibleWorkspaces(principal: Principal): ReadonlySet<string> | null {
  switch (principal.kind) {
    case "open":
      return null;
    case "anonymous":
      return new Set();
    case "user":
      return principal.instanceAdmin ? null : new Set(principal.roles.keys());
    case "token":
      if (principal.workspaceId !== null) {
        const user = principal.user;
        return user && userRole(user, principal.workspaceId) === null ? new Set() : new Set([principal.workspaceId]);
      }
      return principal.user ? visibleWorkspaces({ kind: "user", ...principal.user }) : new Set();
  }
}

/** Settings only a workspace admin changes: they decide who may write into the workspace. */
const ADMIN_SETTINGS: ReadonlySet<string> = new Set(["keyless_ingest"]);

/** What changing these settings needs. */
export function needForSettingsChange(fields: Iterable<string>): Need {
  for (const field of fields) if (ADMIN_SETTINGS.has(field)) return "admin";
  return "write";
}

/** How the audit log names the caller. */
export function actorOf(principal: Principal): { actorUserId: string | null; actor: string } {
  switch (principal.kind) {
    case "user":
      return { actorUserId: principal.userId, actor: principal.actor ?? principal.userId };
    case "token":
      return { actorUserId: principal.user?.userId ?? null, actor: principal.actor ?? `token ${principal.tokenId}` };
    case "open":
      return { actorUserId: null, actor: "anyone (authentication off)" };
    case "anonymous":
      return { actorUserId: null, actor: "anonymous" };
  }
}

/** Managing users and every workspace: instance administrators signed in (not tokens). */
export function decideInstanceAdmin(principal: Principal): Decision {
  if (principal.kind === "open") return { allow: true, role: "admin" };
  if (principal.kind === "anonymous") return { allow: false, status: 401, message: "Sign in, or send an API token in Authorization: Bearer." };
  if (principal.kind === "user" && principal.instanceAdmin) return { allow: true, role: "admin" };
  return { allow: false, status: 403, message: "This takes an instance administrator, signed in." };
}

/**
 * Would this change of a workspace's members leave it without an admin? A workspace keeps at
 * least one, so someone can always manage it.
 */
export function leavesNoAdmin(members: readonly { userId: string; role: string }[], change: { userId: string; role: Role | null }): boolean {
  const after = members.filter((m) => m.userId !== change.userId).map((m) => m.role);
  if (change.role !== null) after.push(change.role);
  const hadAdmin = members.some((m) => m.role === "admin");
  return hadAdmin && !after.includes("admin");
}
