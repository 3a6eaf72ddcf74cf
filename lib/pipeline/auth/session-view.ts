// What the dashboard needs to know before it shows anything: open instance, setup, or who.
import { countUsers, findUser } from "../../store/account-repository";
import { getRuntime } from "../runtime";
import { runtimeAuth } from "./request-principal";

export interface SessionState {
  auth: "on" | "off";
  setup_required: boolean;
  user: { id: string; email: string; name: string; instance_admin: boolean } | null;
  /** The OpenID Connect provider people may sign in with; null when none is configured. */
  oidc: { name: string } | null;
}

export async function sessionView(headers: Headers): Promise<SessionState> {
  const auth = await runtimeAuth();
  if (!auth) return { auth: "off", setup_required: false, user: null, oidc: null };
  const { store, config } = getRuntime();
  const session = await auth.api.getSession({ headers });
  const user = session ? await findUser(store, session.user.id) : null;
  return {
    auth: "on",
    setup_required: (await countUsers(store)) === 0,
    user: user ? { id: user.id, email: user.email, name: user.name, instance_admin: user.instanceAdmin } : null,
    oidc: config.auth.oidc ? { name: config.auth.oidc.name } : null,
  };
}
