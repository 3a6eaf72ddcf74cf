// Sign-in, sessions and passwords with Better Auth (email and password; scrypt hashes;
// database sessions in an httpOnly SameSite=Lax cookie, Secure behind TLS, renewed daily;
// sign-in throttled per address). Flowprint's own part is who may do what (lib/auth/policy.ts).
import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { genericOAuth } from "better-auth/plugins";
import type { OidcConfig } from "../../config/server-config";
import { OIDC_PROVIDER_ID } from "../../auth/oidc";
import { betterAuthDatabase } from "../../store/better-auth-database";
import { appendAuditEvent, findUser, instanceSetting } from "../../store/account-repository";
import type { Store } from "../../store/db";

export const SESSION_DAYS = 7;

function createAuth(store: Store, secret: string, publicUrl: string | null, oidc: OidcConfig | null) {
  return betterAuth({
    appName: "Flowprint",
    secret,
    // Without a public URL the origin comes from each request (the dashboard may be reached
    // as localhost, by address or by name); origin checks then accept the request's own.
    ...(publicUrl ? { baseURL: publicUrl } : {}),
    basePath: "/api/auth",
    // A page of this instance, however it was reached (localhost, an address, a name): its
    // Origin is the Host it sent the request to. Anything else is cross-site.
    trustedOrigins: (request?: Request) => {
      const host = request?.headers.get("host");
      return host ? [`http://${host}`, `https://${host}`] : [];
    },
    database: betterAuthDatabase(store),
    // People are added by an administrator (or the first-run setup), never by signing up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 256 },
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: 60, max: 10 } },
    },
    advanced: {
      cookiePrefix: "flowprint",
      useSecureCookies: publicUrl?.startsWith("https://") ?? false,
    },
    databaseHooks: {
      session: {
        create: {
          after: async (session) => {
            const user = await findUser(store, session.userId);
            await appendAuditEvent(store, { actorUserId: session.userId, actor: user?.email ?? session.userId, action: "user.sign_in", ipAddress: session.ipAddress ?? null }, Date.now());
          },
        },
        delete: {
          // Sessions also end by expiry and revocation; only signing out is the person's act.
          after: async (session, context) => {
            if (context?.path !== "/sign-out") return;
            const user = await findUser(store, session.userId);
            await appendAuditEvent(store, { actorUserId: session.userId, actor: user?.email ?? session.userId, action: "user.sign_out", ipAddress: session.ipAddress ?? null }, Date.now());
          },
        },
      },
    },
    // OpenID Connect sign-in: discovery, PKCE, and ID tokens verified against the issuer's keys
    // with a nonce. Someone signing in this way for the first time gets an account with no
    // role: an admin gives them one.
    plugins: [
      genericOAuth({
        config: oidc
          ? [
              {
                providerId: OIDC_PROVIDER_ID,
                discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
                clientId: oidc.clientId,
                clientSecret: oidc.clientSecret,
                scopes: ["openid", "email", "profile"],
                pkce: true,
                requireIdTokenVerification: true,
              },
            ]
          : [],
      }),
    ],
    telemetry: { enabled: false },
    logger: { level: "error" },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** The secret that signs cookies: FLOWPRINT_AUTH_SECRET, else one generated once and kept in the database. */
export async function authSecret(store: Store, configured: string | null): Promise<string> {
  return configured ?? instanceSetting(store, "auth_secret", () => randomBytes(32).toString("hex"));
}

const slot = globalThis as typeof globalThis & { __flowprintAuth?: Promise<Auth> };

/** The process's Better Auth instance (one per process, kept across Next.js dev reloads). */
export function getAuth(store: Store, config: { secret: string | null; publicUrl: string | null; oidc: OidcConfig | null }): Promise<Auth> {
  slot.__flowprintAuth ??= authSecret(store, config.secret).then((secret) => createAuth(store, secret, config.publicUrl, config.oidc));
  return slot.__flowprintAuth;
}
