// How a caller proves who they are, and which proofs each kind of route takes. With
// FLOWPRINT_AUTH=off none is needed anywhere: the instance is open to whoever reaches it.
import type { Access } from "./operation";

export const SECURITY_SCHEMES = {
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    // Better Auth's `${cookiePrefix}.session_token` (lib/pipeline/auth/auth-server.ts).
    name: "flowprint.session_token",
    description:
      "The dashboard's session, set by POST /api/auth/sign-in/email or /api/v1/setup: httpOnly, SameSite=Lax, valid 7 days and renewed daily. Named `__Secure-flowprint.session_token` when FLOWPRINT_PUBLIC_URL is https. A request that changes something with it must come from a page of this Flowprint (its Origin, or Sec-Fetch-Site: same-origin), else 403 cross_site_request.",
  },
  apiToken: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "fp_…",
    description:
      "An API token from POST /api/v1/tokens (acts as its user, limited to its scope, read or write, and to its workspace when it has one) or POST /api/v1/workspaces/{workspaceId}/tokens (a viewer or editor of that workspace only). Never admin actions. Needs no Origin.",
  },
  ingestKey: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "fp_… or a FLOWPRINT_INGEST_KEYS key",
    description:
      "An ingest key: its workspace is the key's own. Ingestion takes requests without one (the workspace then comes from X-Workspace-ID) until any key exists; with accounts on, only into workspaces whose admin turned on keyless_ingest.",
  },
} as const;

type SchemeName = keyof typeof SECURITY_SCHEMES;
type Requirement = Partial<Record<SchemeName, string[]>>;

const SESSION_ONLY: Requirement[] = [{ sessionCookie: [] }];
const SESSION_OR_TOKEN: Requirement[] = [{ sessionCookie: [] }, { apiToken: [] }];

/** The operation's `security`: alternatives, any one suffices; `[]` is public, `{}` among them optional. */
export function securityFor(access: Access): Requirement[] {
  switch (access) {
    case "public":
      return [];
    case "ingest-key":
      return [{ ingestKey: [] }, {}];
    // Tokens never manage members, tokens or the instance (lib/auth/policy.ts).
    case "admin":
    case "instance-admin":
    case "signed-in-user":
      return SESSION_ONLY;
    case "read":
    case "write":
    case "instance":
      return SESSION_OR_TOKEN;
  }
}

const ROLE_OF: Partial<Record<Access, string>> = {
  read: "Needs the viewer role in the workspace (a read or write token will do).",
  write: "Needs the editor role in the workspace and, with a token, the write scope.",
  admin: "Needs the admin role in the workspace, signed in (not with a token).",
  instance: "Any signed-in caller or API token; lists only what the caller may see.",
  "instance-admin": "Needs an instance administrator, signed in.",
  "signed-in-user": "Needs a person signed in to the dashboard, not a token.",
};

/** One sentence on who may call it, for the operation's description. */
export function accessSentence(access: Access): string | undefined {
  return ROLE_OF[access];
}
