// People are created by the first-run setup, from the environment, or by an administrator:
// never by signing up. The password goes through Better Auth's hash (scrypt).
import { adoptUnownedWorkspaces, appendAuditEvent, instanceSetting, setInstanceAdmin } from "../../store/account-repository";
import type { Store } from "../../store/db";
import type { Auth } from "./auth-server";

export interface NewUser {
  email: string;
  password: string;
  name: string;
}

export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`A user with the email ${email} already exists.`);
  }
}

export async function createPasswordUser(auth: Auth, input: NewUser): Promise<{ id: string; email: string }> {
  const ctx = await auth.$context;
  const email = input.email.trim().toLowerCase();
  if (await ctx.internalAdapter.findUserByEmail(email)) throw new EmailTakenError(email);
  const user = await ctx.internalAdapter.createUser({ email, name: input.name.trim() || email, emailVerified: true }, { method: "admin" });
  await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: await ctx.password.hash(input.password) });
  return { id: user.id, email };
}

/**
 * Creates the first administrator, who also becomes admin of every workspace that exists (an
 * upgraded database keeps its workspaces). Returns null when an administrator exists already:
 * the claim is one conditional insert, so two setups racing create one.
 */
export async function createFirstAdmin(store: Store, auth: Auth, input: NewUser, how: { ipAddress: string | null; source: "setup" | "environment" }, nowMs = Date.now()): Promise<{ id: string; email: string; workspaces: string[] } | null> {
  const email = input.email.trim().toLowerCase();
  const claimedBy = await instanceSetting(store, "first_admin", () => email);
  if (claimedBy !== email) return null;
  const ctx = await auth.$context;
  if (await ctx.internalAdapter.findUserByEmail(email)) return null;
  const user = await createPasswordUser(auth, input);
  await setInstanceAdmin(store, user.id, true);
  const workspaces = await adoptUnownedWorkspaces(store, user.id, nowMs);
  await appendAuditEvent(store, { actorUserId: user.id, actor: email, action: "instance.first_admin", details: { source: how.source, workspaces }, ipAddress: how.ipAddress }, nowMs);
  return { ...user, workspaces };
}
