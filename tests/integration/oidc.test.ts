// Signing in with an OpenID Connect provider (FLOWPRINT_OIDC_*), against the test provider in
// tests/support/oidc-provider.ts: discovery, PKCE, an RS256 ID token checked against the JWKS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startApp, type AppServer } from "../support/app-server";
import { Client, PASSWORD } from "../support/browser-client";
import { startOidcProvider, type TestOidcProvider } from "../support/oidc-provider";

describe("OpenID Connect sign-in", () => {
  let provider: TestOidcProvider;
  let app: AppServer;
  beforeAll(async () => {
    provider = await startOidcProvider({ person: { sub: "idp-42", email: "grace@example.com", name: "Grace Hopper" } });
    // The provider redirects to a registered address: the public URL.
    const port = await freePort();
    app = await startApp({
      port,
      env: {
        FLOWPRINT_PUBLIC_URL: `http://127.0.0.1:${port}`,
        FLOWPRINT_AUTH: "on",
        FLOWPRINT_ADMIN_EMAIL: "ada@example.com",
        FLOWPRINT_ADMIN_PASSWORD: PASSWORD,
        FLOWPRINT_OIDC_ISSUER: provider.issuer,
        FLOWPRINT_OIDC_CLIENT_ID: provider.clientId,
        FLOWPRINT_OIDC_CLIENT_SECRET: provider.clientSecret,
        FLOWPRINT_OIDC_NAME: "Test IdP",
      },
    });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await provider?.close();
  });

  /** The browser's round trip: Flowprint → provider → Flowprint's callback; the callback's answer. */
  async function signInThroughProvider(client: Client): Promise<Response> {
    const start = await client.fetch("/api/auth/sign-in/social", { json: { provider: "oidc", callbackURL: "/" } });
    expect(start.status).toBe(200);
    const { url } = (await start.json()) as { url: string };
    expect(url.startsWith(`${provider.issuer}/authorize?`)).toBe(true);
    expect(new URL(url).searchParams.get("code_challenge_method")).toBe("S256");
    const authorized = await fetch(url, { redirect: "manual" });
    expect(authorized.status).toBe(302);
    const callback = new URL(authorized.headers.get("location")!);
    expect(callback.origin).toBe(app.baseUrl);
    return client.fetch(callback.pathname + callback.search, { redirect: "manual" });
  }

  it("offers the provider on the sign-in page", async () => {
    expect(await (await fetch(`${app.baseUrl}/api/v1/session`)).json()).toMatchObject({ auth: "on", setup_required: false, oidc: { name: "Test IdP" } });
    expect(await (await fetch(`${app.baseUrl}/sign-in`)).text()).toContain("Sign in with <!-- -->Test IdP");
  });

  it("signs a person in, creating their account with no role until an admin gives one", async () => {
    const grace = new Client(app.baseUrl);
    const done = await signInThroughProvider(grace);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/");
    expect(provider.refusals).toEqual([]);
    expect((await grace.fetch("/api/v1/session").then((r) => r.json())).user).toMatchObject({ email: "grace@example.com", name: "Grace Hopper", instance_admin: false });
    expect((await grace.fetch("/api/v1/workspaces").then((r) => r.json())).workspaces).toEqual([]);
    expect((await grace.fetch("/api/v1/workspaces/default/telemetry/flows")).status).toBe(404);

    const admin = new Client(app.baseUrl);
    expect((await admin.signIn("ada@example.com")).status).toBe(200);
    expect((await admin.fetch("/api/v1/workspaces/default/members", { json: { email: "grace@example.com", role: "viewer" } })).status).toBe(201);
    expect((await grace.fetch("/api/v1/workspaces/default/telemetry/flows")).status).toBe(200);
    // The same person again: the same account, not a second one.
    expect((await signInThroughProvider(new Client(app.baseUrl))).status).toBe(302);
    const users = (await admin.fetch("/api/v1/users").then((r) => r.json())).users as { email: string }[];
    expect(users.filter((u) => u.email === "grace@example.com")).toHaveLength(1);
  });

  it("refuses an ID token issued to another client", async () => {
    provider.idTokenAudience = "some-other-app";
    try {
      const mallory = new Client(app.baseUrl);
      const answer = await signInThroughProvider(mallory);
      expect(answer.status).toBe(302);
      expect(answer.headers.get("location")).toMatch(/error=/);
      expect((await mallory.fetch("/api/v1/session").then((r) => r.json())).user).toBeNull();
    } finally {
      provider.idTokenAudience = null;
    }
  });

  it("gives no session for a callback that did not come from this browser's sign-in", async () => {
    const stranger = new Client(app.baseUrl);
    const answer = await stranger.fetch("/api/auth/callback/oidc?code=forged&state=forged", { redirect: "manual" });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toMatch(/error=/);
    expect((await stranger.fetch("/api/v1/session").then((r) => r.json())).user).toBeNull();
  });
});
