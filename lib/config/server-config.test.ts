import { describe, expect, it } from "vitest";
import { readServerConfig as readConfig, readOtlpListenerConfig as readListeners } from "./server-config";

const readServerConfig = (env: Record<string, string>) => readConfig(env as NodeJS.ProcessEnv);
const readOtlpListenerConfig = (env: Record<string, string>) => readListeners(env as NodeJS.ProcessEnv);

describe("readServerConfig: drafting with a model", () => {
  it("is off without FLOWPRINT_LLM_BASE_URL", () => {
    expect(readServerConfig({}).llmDraft).toBeNull();
    expect(readServerConfig({ FLOWPRINT_LLM_BASE_URL: "  ", FLOWPRINT_LLM_MODEL: "x" }).llmDraft).toBeNull();
  });

  it("reads the endpoint, key, model and timeout, with defaults", () => {
    expect(readServerConfig({ FLOWPRINT_LLM_BASE_URL: "http://localhost:11434/v1" }).llmDraft).toEqual({ baseUrl: "http://localhost:11434/v1", apiKey: null, model: "gpt-4o-mini", timeoutMs: 60_000 });
    expect(
      readServerConfig({ FLOWPRINT_LLM_BASE_URL: "https://api.openai.com/v1", FLOWPRINT_LLM_API_KEY: "sk-test", FLOWPRINT_LLM_MODEL: "gpt-4.1", FLOWPRINT_LLM_TIMEOUT_MS: "5000" }).llmDraft,
    ).toEqual({ baseUrl: "https://api.openai.com/v1", apiKey: "sk-test", model: "gpt-4.1", timeoutMs: 5000 });
  });

  it("names the variable of a bad value", () => {
    expect(() => readServerConfig({ FLOWPRINT_LLM_BASE_URL: "localhost:11434" })).toThrow('FLOWPRINT_LLM_BASE_URL must be an http(s) URL such as http://localhost:11434/v1, got "localhost:11434".');
    expect(() => readServerConfig({ FLOWPRINT_LLM_BASE_URL: "http://m/v1", FLOWPRINT_LLM_TIMEOUT_MS: "soon" })).toThrow('FLOWPRINT_LLM_TIMEOUT_MS must be a positive integer, got "soon".');
  });
});

describe("readServerConfig: webhooks", () => {
  it("has defaults: links to this machine's port, 8 attempts from 10 s, 10 s per attempt", () => {
    expect(readServerConfig({}).webhooks).toEqual({ publicUrl: "http://localhost:3000", retryBaseMs: 10_000, maxAttempts: 8, timeoutMs: 10_000 });
    expect(readServerConfig({ PORT: "4000" }).webhooks.publicUrl).toBe("http://localhost:4000");
  });

  it("reads the public URL and the retry settings", () => {
    expect(
      readServerConfig({ FLOWPRINT_PUBLIC_URL: "https://flowprint.example.com/tools", FLOWPRINT_WEBHOOK_RETRY_BASE_MS: "50", FLOWPRINT_WEBHOOK_MAX_ATTEMPTS: "3", FLOWPRINT_WEBHOOK_TIMEOUT_MS: "2000" }).webhooks,
    ).toEqual({ publicUrl: "https://flowprint.example.com/tools", retryBaseMs: 50, maxAttempts: 3, timeoutMs: 2000 });
  });

  it("names the variable of a bad value", () => {
    expect(() => readServerConfig({ FLOWPRINT_PUBLIC_URL: "flowprint.internal" })).toThrow('FLOWPRINT_PUBLIC_URL must be an http(s) URL such as https://flowprint.example.com, got "flowprint.internal".');
    expect(() => readServerConfig({ FLOWPRINT_WEBHOOK_MAX_ATTEMPTS: "0" })).toThrow('FLOWPRINT_WEBHOOK_MAX_ATTEMPTS must be a positive integer, got "0".');
    expect(() => readServerConfig({ FLOWPRINT_WEBHOOK_MAX_ATTEMPTS: "51" })).toThrow('FLOWPRINT_WEBHOOK_MAX_ATTEMPTS must be at most 50, got "51".');
    expect(() => readServerConfig({ FLOWPRINT_WEBHOOK_RETRY_BASE_MS: "1.5" })).toThrow("FLOWPRINT_WEBHOOK_RETRY_BASE_MS must be a positive integer");
  });
});

describe("readServerConfig: authentication", () => {
  it("is on unless FLOWPRINT_AUTH turns it off, with a generated secret and no admin by default", () => {
    expect(readServerConfig({}).auth).toEqual({ enabled: true, secret: null, admin: null, publicUrl: null, auditRetentionDays: 365, oidc: null });
    expect(readServerConfig({ FLOWPRINT_AUTH: " OFF " }).auth.enabled).toBe(false);
  });

  it("names the bad setting", () => {
    expect(() => readServerConfig({ FLOWPRINT_AUTH: "yes" })).toThrow('FLOWPRINT_AUTH must be "on" or "off", got "yes".');
    expect(() => readServerConfig({ FLOWPRINT_AUDIT_RETENTION_DAYS: "0" })).toThrow('FLOWPRINT_AUDIT_RETENTION_DAYS must be a positive integer, got "0".');
    expect(() => readServerConfig({ FLOWPRINT_AUTH_SECRET: "short" })).toThrow("FLOWPRINT_AUTH_SECRET must be at least 32 characters long.");
    expect(() => readServerConfig({ FLOWPRINT_ADMIN_EMAIL: "a@example.com", FLOWPRINT_ADMIN_PASSWORD: "1234" })).toThrow(/FLOWPRINT_ADMIN_PASSWORD must be set, at least 8 characters/);
  });

  it("configures an OpenID Connect provider, naming what is missing", () => {
    const oidc = { FLOWPRINT_OIDC_ISSUER: "https://idp.example.com/", FLOWPRINT_OIDC_CLIENT_ID: "flowprint", FLOWPRINT_OIDC_CLIENT_SECRET: "s3cret", FLOWPRINT_PUBLIC_URL: "https://flowprint.example.com" };
    expect(readServerConfig(oidc).auth.oidc).toEqual({ issuer: "https://idp.example.com", clientId: "flowprint", clientSecret: "s3cret", name: "single sign-on" });
    expect(readServerConfig({ ...oidc, FLOWPRINT_OIDC_NAME: "Okta" }).auth.oidc?.name).toBe("Okta");
    expect(() => readServerConfig({ ...oidc, FLOWPRINT_OIDC_CLIENT_SECRET: "" })).toThrow("FLOWPRINT_OIDC_CLIENT_SECRET must be set when FLOWPRINT_OIDC_ISSUER is.");
    expect(() => readServerConfig({ ...oidc, FLOWPRINT_PUBLIC_URL: "" })).toThrow(/FLOWPRINT_PUBLIC_URL must be set when FLOWPRINT_OIDC_ISSUER is/);
    expect(() => readServerConfig({ ...oidc, FLOWPRINT_OIDC_ISSUER: "idp.example.com" })).toThrow(/FLOWPRINT_OIDC_ISSUER must be an http\(s\) URL/);
  });

  it("takes the first administrator from the environment", () => {
    expect(readServerConfig({ FLOWPRINT_ADMIN_EMAIL: " ada@example.com ", FLOWPRINT_ADMIN_PASSWORD: "correct horse" }).auth.admin).toEqual({ email: "ada@example.com", password: "correct horse" });
  });
});

describe("readOtlpListenerConfig: OTLP on the standard ports", () => {
  it("listens on 4318 and 4317 on the dashboard's address by default", () => {
    expect(readOtlpListenerConfig({})).toEqual({ httpPort: 4318, grpcPort: 4317, host: "127.0.0.1" });
    expect(readOtlpListenerConfig({ FLOWPRINT_LISTEN_HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
  });

  it("takes other ports, and 0 turns a listener off", () => {
    expect(readOtlpListenerConfig({ FLOWPRINT_OTLP_HTTP_PORT: "0", FLOWPRINT_OTLP_GRPC_PORT: "14317" })).toMatchObject({ httpPort: null, grpcPort: 14317 });
  });

  it("names the variable of a bad port", () => {
    expect(() => readOtlpListenerConfig({ FLOWPRINT_OTLP_GRPC_PORT: "70000" })).toThrow(/FLOWPRINT_OTLP_GRPC_PORT must be a port number/);
    expect(() => readOtlpListenerConfig({ FLOWPRINT_OTLP_HTTP_PORT: "http" })).toThrow(/FLOWPRINT_OTLP_HTTP_PORT/);
  });
});
