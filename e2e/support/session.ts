// The signed-in administrator every journey runs as: the main e2e server starts with accounts
// on and creates this user from FLOWPRINT_ADMIN_EMAIL / FLOWPRINT_ADMIN_PASSWORD;
// e2e/sign-in.setup.ts signs in once and keeps the session in E2E_SESSION_STATE, which every
// page of the journeys starts with. Calls a spec makes itself go through `apiFetch`, which
// sends the same session cookie and, on writes, the Origin a page of the dashboard would.
import { readFileSync } from "node:fs";

export const E2E_ADMIN = { email: "e2e-admin@example.com", password: "e2e admin password" } as const;

/** Path of the Playwright storage state holding the session (set by playwright.config.ts). */
export function sessionStatePath(): string {
  const file = process.env.E2E_SESSION_STATE;
  if (!file) throw new Error("E2E_SESSION_STATE is not set: run the journeys through playwright.config.ts");
  return file;
}

let cookieHeader: string | null = null;

/**
 * The session's cookie; null outside the browser journeys (the integration tests share these
 * seeding helpers and run against an open instance).
 */
function sessionCookie(): string | null {
  if (!process.env.E2E_SESSION_STATE) return null;
  if (cookieHeader === null) {
    const state = JSON.parse(readFileSync(sessionStatePath(), "utf8")) as { cookies: { name: string; value: string }[] };
    cookieHeader = state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  }
  return cookieHeader;
}

/** fetch as the signed-in administrator's browser would send it. */
export function apiFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = sessionCookie();
  if (cookie) headers.set("cookie", cookie);
  if ((init.method ?? "GET") !== "GET") headers.set("origin", new URL(url).origin);
  return fetch(url, { ...init, headers });
}

/**
 * With accounts on, spans without an ingest key reach only workspaces whose admin allowed it:
 * the journeys' services send without a key, as the demo's do, so each workspace they fill is
 * opened to them first (which also creates it).
 */
export async function allowKeylessIngest(baseUrl: string, workspace: string): Promise<void> {
  // An open instance (FLOWPRINT_AUTH=off) takes spans without a key anyway.
  if (sessionCookie() === null) return;
  const response = await apiFetch(`${baseUrl}/api/v1/workspaces/${workspace}/settings/telemetry`, { method: "PUT", body: JSON.stringify({ keyless_ingest: true }) });
  if (!response.ok) throw new Error(`opening ${workspace} to keyless ingestion answered ${response.status}: ${await response.text()}`);
}

/** A read-write API token of the administrator's for one workspace, as the CLI's FLOWPRINT_API_TOKEN. */
export async function createApiToken(baseUrl: string, workspace: string): Promise<string> {
  const response = await apiFetch(`${baseUrl}/api/v1/tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: `e2e ${workspace}`, scope: "write", workspace_id: workspace }) });
  if (response.status !== 201) throw new Error(`creating an API token answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
