// Every environment variable the server reads, parsed once, with a message naming the bad one.

export interface ServerConfig {
  /** Largest OTLP body accepted, compressed or decompressed (FLOWPRINT_MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Spans waiting for the database beyond which ingestion answers 503 (FLOWPRINT_MAX_QUEUED_SPANS). */
  maxQueuedSpans: number;
  /** OTLP requests being received at once beyond which ingestion answers 503 (FLOWPRINT_MAX_INFLIGHT_REQUESTS). */
  maxInflightRequests: number;
  /** Spans per group-commit transaction (FLOWPRINT_BATCH_SPANS). */
  batchSpans: number;
  /** Raw FLOWPRINT_INGEST_KEYS. */
  ingestKeys: string | undefined;
  /** Drafting tests with a model (FLOWPRINT_LLM_*); null when FLOWPRINT_LLM_BASE_URL is unset. */
  llmDraft: LlmDraftConfig | null;
  webhooks: WebhookConfig;
  auth: AuthConfig;
  otlpListeners: OtlpListenerConfig;
}

/** OTLP on its standard ports beside the dashboard's; a port of null is off. */
export interface OtlpListenerConfig {
  /** FLOWPRINT_OTLP_HTTP_PORT (4318; 0 turns it off). */
  httpPort: number | null;
  /** FLOWPRINT_OTLP_GRPC_PORT (4317; 0 turns it off). */
  grpcPort: number | null;
  /** The dashboard's own address (FLOWPRINT_LISTEN_HOST, set by npm start), loopback without it. */
  host: string;
}

export interface AuthConfig {
  /** FLOWPRINT_AUTH: "on" (accounts, roles and tokens; the default) or "off" (open to whoever reaches the port). */
  enabled: boolean;
  /** Signs session cookies (FLOWPRINT_AUTH_SECRET, at least 32 characters); null: generated once and kept in the database. */
  secret: string | null;
  /** The first administrator, created at start when no user exists (FLOWPRINT_ADMIN_EMAIL, FLOWPRINT_ADMIN_PASSWORD). */
  admin: { email: string; password: string } | null;
  /** FLOWPRINT_PUBLIC_URL as set (null when unset): cookies are Secure when it is https, and its origin may post. */
  publicUrl: string | null;
  /** Audit log entries older than this many days are deleted (FLOWPRINT_AUDIT_RETENTION_DAYS). */
  auditRetentionDays: number;
  /** Sign-in with an OpenID Connect provider (FLOWPRINT_OIDC_*); null when FLOWPRINT_OIDC_ISSUER is unset. */
  oidc: OidcConfig | null;
}

export interface OidcConfig {
  /** The issuer URL; its /.well-known/openid-configuration is read at start. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in button calls it (FLOWPRINT_OIDC_NAME). */
  name: string;
}

export interface WebhookConfig {
  /**
   * Where people open the dashboard (FLOWPRINT_PUBLIC_URL): links in webhook payloads start
   * with it. Default http://localhost:<PORT>, which only reaches a receiver on the same machine.
   */
  publicUrl: string;
  /** Wait after a delivery's first failed attempt, doubled after each later one (FLOWPRINT_WEBHOOK_RETRY_BASE_MS). */
  retryBaseMs: number;
  /** Attempts before a delivery is failed (FLOWPRINT_WEBHOOK_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** Per attempt (FLOWPRINT_WEBHOOK_TIMEOUT_MS). */
  timeoutMs: number;
}

export interface LlmDraftConfig {
  /** OpenAI-compatible base URL, e.g. `http://localhost:11434/v1` (FLOWPRINT_LLM_BASE_URL). */
  baseUrl: string;
  /** Bearer key (FLOWPRINT_LLM_API_KEY); null for endpoints without authentication. */
  apiKey: string | null;
  /** FLOWPRINT_LLM_MODEL. */
  model: string;
  /** Per model call (FLOWPRINT_LLM_TIMEOUT_MS). */
  timeoutMs: number;
}

function positiveInt(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}".`);
  }
  return value;
}

/** A TCP port, 0 for off; a port number outside 0-65535 stops the server naming the variable. */
function portOrOff(name: string, fallback: number, env: NodeJS.ProcessEnv): number | null {
  const raw = env[name];
  const value = raw === undefined || raw.trim() === "" ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) throw new Error(`${name} must be a port number (1-65535), or 0 to turn it off; got "${raw}".`);
  return value === 0 ? null : value;
}

export function readOtlpListenerConfig(env: NodeJS.ProcessEnv = process.env): OtlpListenerConfig {
  return {
    httpPort: portOrOff("FLOWPRINT_OTLP_HTTP_PORT", 4318, env),
    grpcPort: portOrOff("FLOWPRINT_OTLP_GRPC_PORT", 4317, env),
    host: env.FLOWPRINT_LISTEN_HOST?.trim() || "127.0.0.1",
  };
}

function checkHttpUrl(name: string, value: string, example: string): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new Error(`${name} must be an http(s) URL such as ${example}, got "${value}".`);
  }
  return value;
}

function llmDraftConfig(env: NodeJS.ProcessEnv): LlmDraftConfig | null {
  const baseUrl = env.FLOWPRINT_LLM_BASE_URL?.trim();
  if (!baseUrl) return null;
  checkHttpUrl("FLOWPRINT_LLM_BASE_URL", baseUrl, "http://localhost:11434/v1");
  return {
    baseUrl,
    apiKey: env.FLOWPRINT_LLM_API_KEY?.trim() || null,
    model: env.FLOWPRINT_LLM_MODEL?.trim() || "gpt-4o-mini",
    timeoutMs: positiveInt("FLOWPRINT_LLM_TIMEOUT_MS", 60_000, env),
  };
}

export function readWebhookConfig(env: NodeJS.ProcessEnv = process.env): WebhookConfig {
  const publicUrl = env.FLOWPRINT_PUBLIC_URL?.trim();
  const maxAttempts = positiveInt("FLOWPRINT_WEBHOOK_MAX_ATTEMPTS", 8, env);
  if (maxAttempts > 50) throw new Error(`FLOWPRINT_WEBHOOK_MAX_ATTEMPTS must be at most 50, got "${maxAttempts}".`);
  return {
    publicUrl: publicUrl ? checkHttpUrl("FLOWPRINT_PUBLIC_URL", publicUrl, "https://flowprint.example.com") : `http://localhost:${env.PORT?.trim() || "3000"}`,
    retryBaseMs: positiveInt("FLOWPRINT_WEBHOOK_RETRY_BASE_MS", 10_000, env),
    maxAttempts,
    timeoutMs: positiveInt("FLOWPRINT_WEBHOOK_TIMEOUT_MS", 10_000, env),
  };
}

function oidcConfig(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.FLOWPRINT_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  checkHttpUrl("FLOWPRINT_OIDC_ISSUER", issuer, "https://accounts.example.com");
  const clientId = env.FLOWPRINT_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.FLOWPRINT_OIDC_CLIENT_SECRET?.trim();
  if (!clientId) throw new Error("FLOWPRINT_OIDC_CLIENT_ID must be set when FLOWPRINT_OIDC_ISSUER is.");
  if (!clientSecret) throw new Error("FLOWPRINT_OIDC_CLIENT_SECRET must be set when FLOWPRINT_OIDC_ISSUER is.");
  // The provider sends people back to a redirect URI registered with it: a fixed address.
  if (!env.FLOWPRINT_PUBLIC_URL?.trim()) throw new Error("FLOWPRINT_PUBLIC_URL must be set when FLOWPRINT_OIDC_ISSUER is: the provider redirects to <FLOWPRINT_PUBLIC_URL>/api/auth/callback/oidc.");
  return { issuer: issuer.replace(/\/+$/, ""), clientId, clientSecret, name: env.FLOWPRINT_OIDC_NAME?.trim() || "single sign-on" };
}

export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const mode = (env.FLOWPRINT_AUTH ?? "").trim().toLowerCase() || "on";
  if (mode !== "on" && mode !== "off") throw new Error(`FLOWPRINT_AUTH must be "on" or "off", got "${env.FLOWPRINT_AUTH}".`);
  const secret = env.FLOWPRINT_AUTH_SECRET?.trim() || null;
  if (secret !== null && secret.length < 32) throw new Error("FLOWPRINT_AUTH_SECRET must be at least 32 characters long.");
  const email = env.FLOWPRINT_ADMIN_EMAIL?.trim();
  const password = env.FLOWPRINT_ADMIN_PASSWORD ?? "";
  if (email && password.length < 8) throw new Error("FLOWPRINT_ADMIN_PASSWORD must be set, at least 8 characters, when FLOWPRINT_ADMIN_EMAIL is.");
  const publicUrl = env.FLOWPRINT_PUBLIC_URL?.trim() || null;
  if (publicUrl) checkHttpUrl("FLOWPRINT_PUBLIC_URL", publicUrl, "https://flowprint.example.com");
  const auditRetentionDays = positiveInt("FLOWPRINT_AUDIT_RETENTION_DAYS", 365, env);
  return { enabled: mode === "on", secret, admin: email ? { email, password } : null, publicUrl, auditRetentionDays, oidc: oidcConfig(env) };
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    maxBodyBytes: positiveInt("FLOWPRINT_MAX_BODY_BYTES", 64 * 1024 * 1024, env),
    maxQueuedSpans: positiveInt("FLOWPRINT_MAX_QUEUED_SPANS", 100_000, env),
    maxInflightRequests: positiveInt("FLOWPRINT_MAX_INFLIGHT_REQUESTS", 64, env),
    batchSpans: positiveInt("FLOWPRINT_BATCH_SPANS", 4096, env),
    ingestKeys: env.FLOWPRINT_INGEST_KEYS,
    llmDraft: llmDraftConfig(env),
    webhooks: readWebhookConfig(env),
    auth: readAuthConfig(env),
    otlpListeners: readOtlpListenerConfig(env),
  };
}
