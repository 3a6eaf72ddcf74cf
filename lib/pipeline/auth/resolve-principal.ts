// Who is calling: an API token in `Authorization: Bearer`, else the session cookie, else nobody;
// everyone when authentication is off. lib/auth/policy.ts then decides what they may do.
import { bearerToken, hashApiToken } from "../../auth/api-token";
import { isRole, type Principal, type Role } from "../../auth/policy";
import { findApiTokenByHash, findUser, rolesOfUser, touchApiToken } from "../../store/account-repository";
import type { Store } from "../../store/db";
import type { Auth } from "./auth-server";

/** last_used_at is written at most this often per token: a script's every request would otherwise write. */
const TOUCH_EVERY_MS = 60_000;

export type Resolved = { ok: true; principal: Principal; viaCookie: boolean } | { ok: false; message: string };

async function userPrincipal(store: Store, userId: string) {
  const user = await findUser(store, userId);
  if (!user) return null;
  const roles = new Map<string, Role>();
  for (const [workspaceId, role] of await rolesOfUser(store, userId)) if (isRole(role)) roles.set(workspaceId, role);
  return { userId: user.id, email: user.email, instanceAdmin: user.instanceAdmin, roles };
}

export async function resolvePrincipal(store: Store, auth: Auth | null, headers: Headers, nowMs: number): Promise<Resolved> {
  if (auth === null) return { ok: true, principal: { kind: "open" }, viaCookie: false };
  const token = bearerToken(headers.get("authorization"));
  if (token !== null) {
    const row = await findApiTokenByHash(store, hashApiToken(token));
    if (!row || row.revokedAtMs !== null || (row.expiresAtMs !== null && row.expiresAtMs <= nowMs)) {
      return { ok: false, message: "The API token is not valid: it is unknown, expired or revoked." };
    }
    const user = row.userId === null ? null : await userPrincipal(store, row.userId);
    if (row.userId !== null && user === null) return { ok: false, message: "The API token's user no longer exists." };
    if (row.lastUsedAtMs === null || nowMs - row.lastUsedAtMs >= TOUCH_EVERY_MS) await touchApiToken(store, row.id, nowMs);
    return {
      ok: true,
      viaCookie: false,
      principal: {
        kind: "token",
        tokenId: row.id,
        scope: row.scope === "write" ? "write" : "read",
        workspaceId: row.workspaceId,
        user,
        actor: `token ${row.prefix}… (${row.name}${user ? `, ${user.email}` : ""})`,
      },
    };
  }
  const session = await auth.api.getSession({ headers });
  if (!session) return { ok: true, principal: { kind: "anonymous" }, viaCookie: false };
  const user = await userPrincipal(store, session.user.id);
  if (!user) return { ok: true, principal: { kind: "anonymous" }, viaCookie: false };
  return { ok: true, viaCookie: true, principal: { kind: "user", userId: user.userId, instanceAdmin: user.instanceAdmin, roles: user.roles, actor: user.email } };
}
