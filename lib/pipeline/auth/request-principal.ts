// The caller of an HTTP request to this process, with what the CSRF check needs to know.
import { isSameOriginRequest } from "../../auth/same-origin";
import { getRuntime } from "../runtime";
import { getAuth, type Auth } from "./auth-server";
import { resolvePrincipal, type Resolved } from "./resolve-principal";

/** The process's Better Auth instance, or null when authentication is off. */
export async function runtimeAuth(): Promise<Auth | null> {
  const { config, store } = getRuntime();
  return config.auth.enabled ? getAuth(store, config.auth) : null;
}

export async function requestPrincipal(request: Request): Promise<Resolved & { sameOrigin?: boolean }> {
  const { config, store } = getRuntime();
  const resolved = await resolvePrincipal(store, await runtimeAuth(), request.headers, Date.now());
  if (!resolved.ok) return resolved;
  const h = request.headers;
  const publicOrigin = config.auth.publicUrl ? new URL(config.auth.publicUrl).origin : null;
  return {
    ...resolved,
    sameOrigin: isSameOriginRequest({ method: request.method, origin: h.get("origin"), referer: h.get("referer"), secFetchSite: h.get("sec-fetch-site"), host: h.get("host"), publicOrigin }),
  };
}
