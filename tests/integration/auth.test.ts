// Authentication on (FLOWPRINT_AUTH=on) in the running app, on SQLite and PostgreSQL: first-run
// setup, sign-in and sign-out, roles against every workspace route, API tokens, CSRF,
// keyless ingestion and the audit log.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExportTraceCli } from "../../lib/eval/export-trace-cli";
import { insertApiToken } from "../../lib/store/account-repository";
import { accessOf } from "../../lib/api/workspace-route";
import { hashApiToken } from "../../lib/auth/api-token";
import { openStore } from "../../lib/store/db";
import { startApp, tempPostgresUrl, type AppServer } from "../support/app-server";
import { Client, PASSWORD } from "../support/browser-client";

const APP_DIR = path.resolve(import.meta.dirname, "..", "..", "app");

/** Every method of every route under /api/v1/workspaces/:ws, with the other parameters filled in, and what it needs. */
async function workspaceRoutes(workspaceId: string): Promise<{ method: string; path: string; need: string | undefined }[]> {
  const dir = path.join(APP_DIR, "api", "v1", "workspaces", "[workspaceId]");
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name === "route.ts" ? [path.join(d, e.name)] : []));
  const routes = [];
  for (const file of walk(dir)) {
    const handlers = (await import(file)) as Record<string, unknown>;
    const route = path.relative(dir, path.dirname(file)).split(path.sep).map((part) => (part.startsWith("[") ? "00000000-0000-4000-8000-000000000000" : part));
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof handlers[m] === "function")) {
      routes.push({ method, path: `/api/v1/workspaces/${workspaceId}/${route.join("/")}`.replace(/\/$/, ""), need: accessOf(handlers[method]) });
    }
  }
  return routes;
}

const RANK: Record<string, number> = { viewer: 0, editor: 1, admin: 2, read: 0, write: 1 };

/** The access check refused: 401, 403, or the 404 that hides the workspace (not a 404 for an unknown resource in it). */
async function refused(response: Response): Promise<boolean> {
  if (response.status === 401 || response.status === 403) return true;
  return response.status === 404 && /Workspace "[^"]+" not found\./.test(await response.text());
}

describe.each([
  ["SQLite", async () => undefined],
  ["PostgreSQL", tempPostgresUrl],
] as const)("accounts, roles and tokens on %s", (store, database) => {
  let app: AppServer | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let admin: Client, viewer: Client, editor: Client, outsider: Client, anonymous: Client;

  beforeAll(async () => {
    const temp = await database();
    if (store === "PostgreSQL" && !temp) return;
    dropDatabase = temp?.drop;
    app = await startApp({ ...(temp ? { databaseUrl: temp.url } : {}), env: { FLOWPRINT_AUTH: "on" } });
    [admin, viewer, editor, outsider, anonymous] = Array.from({ length: 5 }, () => new Client(app!.baseUrl));
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await dropDatabase?.();
  });

  const skipWithoutStore = (ctx: { skip: (note: string) => void }) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
  };

  it("starts with the setup: nothing is readable, the first administrator signs in at once, and the setup closes", async (ctx) => {
    skipWithoutStore(ctx);
    expect(await (await anonymous.fetch("/api/v1/session")).json()).toEqual({ auth: "on", setup_required: true, user: null, oidc: null });
    expect((await anonymous.fetch("/api/v1/workspaces")).status).toBe(401);
    expect((await anonymous.fetch("/api/v1/workspaces/default/telemetry/flows")).status).toBe(401);
    const page = await anonymous.fetch("/w/default/flows", { redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe("/setup");

    const short = await admin.fetch("/api/v1/setup", { json: { email: "ada@example.com", password: "short" } });
    expect(short.status).toBe(400);
    expect((await short.json()).error.message).toMatch(/password.*at least 8 characters/);

    const setup = await admin.fetch("/api/v1/setup", { json: { email: "Ada@Example.com", password: PASSWORD, name: "Ada" } });
    expect(setup.status).toBe(201);
    expect((await admin.fetch("/api/v1/session").then((r) => r.json())).user).toMatchObject({ email: "ada@example.com", instance_admin: true });
    expect((await anonymous.fetch("/api/v1/setup", { json: { email: "eve@example.com", password: PASSWORD } })).status).toBe(409);
    expect((await anonymous.fetch("/api/auth/sign-up/email", { json: { email: "eve@example.com", password: PASSWORD, name: "Eve" } })).ok).toBe(false);
  });

  it("signs in without telling whether an account exists", async (ctx) => {
    skipWithoutStore(ctx);
    const wrong = await anonymous.signIn("ada@example.com", "wrong password!");
    const unknown = await anonymous.signIn("nobody@example.com", "wrong password!");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).message).toBe((await unknown.json()).message);
  });

  it("gives each role what it may do in its workspace, and nothing outside it", async (ctx) => {
    skipWithoutStore(ctx);
    for (const email of ["viewer@example.com", "editor@example.com", "outsider@example.com"]) {
      expect((await admin.fetch("/api/v1/users", { json: { email, password: PASSWORD } })).status).toBe(201);
    }
    // Only an instance administrator adds people.
    expect((await outsider.fetch("/api/v1/users", { json: { email: "x@example.com", password: PASSWORD } })).status).toBe(401);
    expect((await admin.fetch("/api/v1/workspaces/shop/settings/telemetry")).status).toBe(200);
    expect((await admin.fetch("/api/v1/workspaces/shop/members", { json: { email: "ada@example.com", role: "admin" } })).status).toBe(201);
    expect((await admin.fetch("/api/v1/workspaces/shop/members", { json: { email: "viewer@example.com", role: "viewer" } })).status).toBe(201);
    expect((await admin.fetch("/api/v1/workspaces/shop/members", { json: { email: "editor@example.com", role: "editor" } })).status).toBe(201);
    expect((await admin.fetch("/api/v1/workspaces/shop/members", { json: { email: "nobody@example.com", role: "editor" } })).status).toBe(404);
    for (const [client, email] of [
      [viewer, "viewer@example.com"],
      [editor, "editor@example.com"],
      [outsider, "outsider@example.com"],
    ] as const) {
      expect((await client.signIn(email)).status).toBe(200);
    }

    expect((await viewer.fetch("/api/v1/workspaces/shop/telemetry/flows")).status).toBe(200);
    const denied = await viewer.fetch("/api/v1/workspaces/shop/settings/telemetry", { method: "PUT", json: { trace_idle_ms: 2000 } });
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.message).toMatch(/editor role.*you are a viewer/);
    expect((await editor.fetch("/api/v1/workspaces/shop/settings/telemetry", { method: "PUT", json: { trace_idle_ms: 2000 } })).status).toBe(200);
    // Keyless ingestion decides who may write into the workspace: admins only.
    expect((await editor.fetch("/api/v1/workspaces/shop/settings/telemetry", { method: "PUT", json: { keyless_ingest: true } })).status).toBe(403);
    expect((await editor.fetch("/api/v1/workspaces/shop/members", { json: { email: "outsider@example.com", role: "admin" } })).status).toBe(403);
    expect((await outsider.fetch("/api/v1/workspaces/shop/telemetry/flows")).status).toBe(404);
    expect((await outsider.fetch("/w/shop/flows", { redirect: "manual" })).status).toBe(404);
    expect((await viewer.fetch("/w/shop/flows", { redirect: "manual" })).status).toBe(200);
    expect((await outsider.fetch("/api/v1/workspaces").then((r) => r.json())).workspaces).toEqual([]);
    expect((await viewer.fetch("/api/v1/workspaces").then((r) => r.json())).workspaces.map((w: { id: string }) => w.id)).toEqual(["shop"]);
    // The last admin stays.
    const members = (await admin.fetch("/api/v1/workspaces/shop/members").then((r) => r.json())).members as { user_id: string; email: string }[];
    const adaId = members.find((m) => m.email === "ada@example.com")!.user_id;
    expect((await admin.fetch(`/api/v1/workspaces/shop/members/${adaId}`, { method: "DELETE" })).status).toBe(409);
  });

  it("gives viewer, editor and admin exactly what each workspace route needs", async (ctx) => {
    skipWithoutStore(ctx);
    const routes = await workspaceRoutes("shop");
    for (const route of routes) expect(route.need, `${route.method} ${route.path}`).toBeDefined();
    for (const [role, client] of [
      ["viewer", viewer],
      ["editor", editor],
      ["admin", admin],
    ] as const) {
      for (const route of routes) {
        const response = await client.fetch(route.path, { method: route.method, ...(route.method === "GET" ? {} : { json: {} }) });
        expect(await refused(response), `${role} ${route.method} ${route.path} (needs ${route.need}): ${response.status}`).toBe(RANK[role] < RANK[route.need!]);
      }
    }
  });

  it("checks the role on every workspace route: 401 without a session, 404 for someone outside the workspace", async (ctx) => {
    skipWithoutStore(ctx);
    const routes = await workspaceRoutes("shop");
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) {
      const init = { method: route.method, ...(route.method === "GET" ? {} : { json: {} }) };
      expect((await anonymous.fetch(route.path, init)).status, `${route.method} ${route.path} anonymous`).toBe(401);
      expect((await outsider.fetch(route.path, init)).status, `${route.method} ${route.path} outsider`).toBe(404);
    }
  });

  it("refuses a change carried by the session cookie from another site", async (ctx) => {
    skipWithoutStore(ctx);
    const body = { json: { trace_idle_ms: 3000 }, method: "PUT" };
    expect((await editor.fetch("/api/v1/workspaces/shop/settings/telemetry", { ...body, origin: "https://evil.example" })).status).toBe(403);
    expect((await editor.fetch("/api/v1/workspaces/shop/settings/telemetry", { ...body, origin: null })).status).toBe(403);
    expect((await editor.fetch("/api/v1/workspaces/shop/settings/telemetry", body)).status).toBe(200);
  });

  it("issues API tokens limited by scope, workspace, revocation and expiry", async (ctx) => {
    skipWithoutStore(ctx);
    const create = async (json: unknown) => {
      const response = await editor.fetch("/api/v1/tokens", { json });
      expect(response.status).toBe(201);
      return (await response.json()) as { token: string; api_token: { id: string; prefix: string } };
    };
    const read = await create({ name: "dashboards", scope: "read" });
    const write = await create({ name: "ci", scope: "write", workspace_id: "shop" });
    expect(read.token.startsWith(read.api_token.prefix)).toBe(true);
    const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    expect((await anonymous.fetch("/api/v1/workspaces/shop/telemetry/flows", bearer(read.token))).status).toBe(200);
    expect((await anonymous.fetch("/api/v1/workspaces/shop/settings/telemetry", { ...bearer(read.token), method: "PUT", json: { trace_idle_ms: 2500 }, origin: null })).status).toBe(403);
    expect((await anonymous.fetch("/api/v1/workspaces/shop/settings/telemetry", { ...bearer(write.token), method: "PUT", json: { trace_idle_ms: 2500 }, origin: null })).status).toBe(200);
    expect((await anonymous.fetch("/api/v1/workspaces/shop/members", { ...bearer(write.token), json: { email: "outsider@example.com", role: "viewer" } })).status).toBe(403);
    expect((await anonymous.fetch("/api/v1/workspaces/other/telemetry/flows", bearer(write.token))).status).toBe(404);
    expect((await anonymous.fetch("/api/v1/workspaces/shop/telemetry/flows", bearer("fp_not-a-real-token"))).status).toBe(401);
    // A workspace's own token belongs to no person: an editor of that workspace only.
    expect((await editor.fetch("/api/v1/workspaces/shop/tokens", { json: { name: "collector", scope: "write" } })).status).toBe(403);
    const own = await admin.fetch("/api/v1/workspaces/shop/tokens", { json: { name: "nightly", scope: "write" } });
    expect(own.status).toBe(201);
    const shopToken = (await own.json()) as { token: string; api_token: { id: string; workspace_id: string } };
    expect(shopToken.api_token.workspace_id).toBe("shop");
    expect((await anonymous.fetch("/api/v1/workspaces/shop/settings/telemetry", { ...bearer(shopToken.token), method: "PUT", json: { trace_idle_ms: 2600 }, origin: null })).status).toBe(200);
    expect((await anonymous.fetch("/api/v1/workspaces/other/telemetry/flows", bearer(shopToken.token))).status).toBe(404);
    expect((await anonymous.fetch("/api/v1/workspaces/shop/members", { ...bearer(shopToken.token), json: { email: "outsider@example.com", role: "viewer" } })).status).toBe(403);
    expect(((await admin.fetch("/api/v1/workspaces/shop/tokens").then((r) => r.json())).tokens as { id: string }[]).map((t) => t.id)).toEqual([shopToken.api_token.id]);
    expect((await admin.fetch(`/api/v1/workspaces/shop/tokens/${shopToken.api_token.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await anonymous.fetch("/api/v1/workspaces/shop/telemetry/flows", bearer(shopToken.token))).status).toBe(401);

    // The CLI sends FLOWPRINT_API_TOKEN.
    const err: string[] = [];
    const cli = (env: Record<string, string>) => runExportTraceCli(["ab".repeat(16), "-o", "/nonexistent"], { out: () => undefined, err: (t) => err.push(t), env: { FLOWPRINT_SERVER: app!.baseUrl, FLOWPRINT_WORKSPACE: "shop", ...env } });
    expect(await cli({})).toBe(1);
    expect(err.pop()).toMatch(/Sign in, or send an API token/);
    expect(await cli({ FLOWPRINT_API_TOKEN: write.token })).toBe(1);
    expect(err.pop()).toMatch(/No trace|not found/i);
    // A token cannot mint tokens.
    expect((await anonymous.fetch("/api/v1/tokens", { ...bearer(write.token), json: { name: "x", scope: "write" } })).status).toBe(403);

    expect((await editor.fetch(`/api/v1/tokens/${read.api_token.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await anonymous.fetch("/api/v1/workspaces/shop/telemetry/flows", bearer(read.token))).status).toBe(401);
    const listed = (await editor.fetch("/api/v1/tokens").then((r) => r.json())).tokens as { id: string; revoked_at: string | null; last_used_at: string | null }[];
    expect(listed.find((t) => t.id === read.api_token.id)?.revoked_at).not.toBeNull();
    expect(listed.find((t) => t.id === write.api_token.id)?.last_used_at).not.toBeNull();

    const direct = openStore(app!.databaseUrl);
    try {
      const expired = "fp_expired-token-for-the-test-000000000000";
      const editorId = ((await admin.fetch("/api/v1/users").then((r) => r.json())).users as { id: string; email: string }[]).find((u) => u.email === "editor@example.com")!.id;
      await insertApiToken(direct, { id: crypto.randomUUID(), name: "old", prefix: expired.slice(0, 10), scope: "read", userId: editorId, workspaceId: null, createdBy: editorId, createdAtMs: Date.now() - 2_000, expiresAtMs: Date.now() - 1_000, tokenHash: hashApiToken(expired) });
      expect((await anonymous.fetch("/api/v1/workspaces/shop/telemetry/flows", bearer(expired))).status).toBe(401);
    } finally {
      await direct.close();
    }
  });

  it("takes spans without a key only into workspaces whose admin allows it", async (ctx) => {
    skipWithoutStore(ctx);
    const send = (workspace: string) =>
      fetch(`${app!.baseUrl}/v1/traces`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-workspace-id": workspace },
        body: JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: "ab".repeat(16), spanId: "cd".repeat(8), name: "GET /", startTimeUnixNano: "1", endTimeUnixNano: "2" }] }] }] }),
      });
    expect((await send("fresh")).status).toBe(401);
    expect((await send("shop")).status).toBe(401);
    expect((await admin.fetch("/api/v1/workspaces/shop/settings/telemetry", { method: "PUT", json: { keyless_ingest: true } })).status).toBe(200);
    expect((await send("shop")).status).toBe(200);
    expect((await admin.fetch("/api/v1/workspaces").then((r) => r.json())).workspaces.map((w: { id: string }) => w.id)).not.toContain("fresh");
  });

  it("records who did what, and signs out", async (ctx) => {
    skipWithoutStore(ctx);
    const log = (await admin.fetch("/api/v1/workspaces/shop/audit").then((r) => r.json())) as { events: { action: string; actor: string }[]; total: number };
    const actions = log.events.map((e) => `${e.action} ${e.actor}`);
    expect(actions).toEqual(expect.arrayContaining(["member.add ada@example.com", "settings.update editor@example.com", "settings.update ada@example.com", "token.create editor@example.com"]));
    expect(log.events.some((e) => e.action === "settings.update" && e.actor.startsWith("token "))).toBe(true);
    expect((await editor.fetch("/api/v1/workspaces/shop/audit")).status).toBe(403);
    const instance = (await admin.fetch("/api/v1/audit?action=user.").then((r) => r.json())) as { events: { action: string; actor: string }[] };
    expect(instance.events.map((e) => `${e.action} ${e.actor}`)).toEqual(expect.arrayContaining(["user.sign_in viewer@example.com", "user.create ada@example.com"]));

    expect((await viewer.fetch("/api/auth/sign-out", { json: {} })).status).toBe(200);
    expect((await viewer.fetch("/api/v1/workspaces/shop/telemetry/flows")).status).toBe(401);
    expect((await viewer.fetch("/api/v1/session").then((r) => r.json())).user).toBeNull();
    const after = (await admin.fetch("/api/v1/audit?action=user.sign_out").then((r) => r.json())) as { events: { action: string; actor: string }[] };
    expect(after.events.map((e) => `${e.action} ${e.actor}`)).toEqual(["user.sign_out viewer@example.com"]);
  });

  it("ends a session at its expiry: the next request is anonymous", async (ctx) => {
    skipWithoutStore(ctx);
    const client = new Client(app!.baseUrl);
    expect((await client.signIn("editor@example.com")).status).toBe(200);
    expect((await client.fetch("/api/v1/workspaces/shop/telemetry/flows")).status).toBe(200);
    const direct = openStore(app!.databaseUrl);
    try {
      const user = await direct.prisma.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
      await direct.prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    } finally {
      await direct.close();
    }
    expect((await client.fetch("/api/v1/workspaces/shop/telemetry/flows")).status).toBe(401);
    expect((await client.fetch("/api/v1/session").then((r) => r.json())).user).toBeNull();
    // Expiry is not the person signing out.
    const signOuts = (await admin.fetch("/api/v1/audit?action=user.sign_out").then((r) => r.json())) as { events: { actor: string }[] };
    expect(signOuts.events.map((e) => e.actor)).not.toContain("editor@example.com");
  });

  it("throttles guessing at an account: 429 with Retry-After even for the right password, other accounts unaffected", async (ctx) => {
    skipWithoutStore(ctx);
    const guesser = new Client(app!.baseUrl);
    const attempt = (password: string, address: string) => guesser.fetch("/api/auth/sign-in/email", { json: { email: "viewer@example.com", password }, headers: { "x-forwarded-for": address } });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong guess ${i}`, `10.0.0.${i}`)).status).toBe(401);
    const locked = await attempt(PASSWORD, "10.0.0.99");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(60);
    expect((await locked.json()).message).toMatch(/Too many failed sign-ins/);
    expect((await new Client(app!.baseUrl).signIn("editor@example.com")).status).toBe(200);
  });
});
