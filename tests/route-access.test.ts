// Every route handler and page in app/ goes through the access check, or is public on purpose:
// a route added later without lib/api/workspace-route fails here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { accessOf } from "@/lib/api/workspace-route";

const APP = path.resolve(import.meta.dirname, "..", "app");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Routes open without a session or token, and why. */
const PUBLIC: Record<string, string> = {
  "api/health/route.ts": "liveness probe, reads no workspace data",
  "api/health/live/route.ts": "liveness probe, reads nothing",
  "api/health/ready/route.ts": "readiness probe: database and migrations, no workspace data",
  "metrics/route.ts": "Prometheus metrics: counts by transport, reason and route pattern, never a workspace's data",
  "api/auth/[...all]/route.ts": "sign-in, sign-out and the session themselves",
  "api/v1/session/route.ts": "tells the dashboard whether to show the setup or the sign-in",
  "api/v1/setup/route.ts": "creates the first administrator; refuses once any user exists",
  "otlp/v1/traces/route.ts": "OTLP ingestion: guarded by ingest keys and keyless-ingest settings",
  "v1/traces/route.ts": "OTLP ingestion: guarded by ingest keys and keyless-ingest settings",
  "v1/metrics/route.ts": "OTLP metrics: answered as rejected, nothing stored or read",
  "v1/logs/route.ts": "OTLP logs: answered as rejected, nothing stored or read",
  "api/v2/spans/route.ts": "Zipkin's collector API: guarded by ingest keys and keyless-ingest settings, as OTLP ingestion",
  "schemas/flowprint-test.json/route.ts": "a JSON schema of the test file format, no data",
  "schemas/flowprint-eval-dataset.json/route.ts": "a JSON schema of the eval dataset format, no data",
  "api/openapi.json/route.ts": "the API's own OpenAPI document, built from code: no data",
};

function files(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full, name);
    return entry.name === name ? [path.relative(APP, full)] : [];
  });
}

describe("access to every route and page", () => {
  const routes = files(APP, "route.ts");

  it("finds the routes", () => {
    expect(routes.length).toBeGreaterThan(50);
  });

  it.each(routes)("%s: every handler checks access, or the route is public on purpose", async (route) => {
    const routeModule = (await import(path.join(APP, route))) as Record<string, unknown>;
    const handlers = METHODS.filter((m) => typeof routeModule[m] === "function");
    expect(handlers.length).toBeGreaterThan(0);
    if (route in PUBLIC) return;
    for (const method of handlers) {
      const access = accessOf(routeModule[method]);
      expect(access, `${method} ${route} is made without workspaceRoute or instanceRoute`).toBeDefined();
      // Inside a workspace, the check is that workspace's role, not only "signed in".
      if (route.includes("[workspaceId]")) expect(access, `${method} ${route}`).not.toBe("instance");
      if (method !== "GET" && method !== "HEAD") expect(access, `${method} ${route} changes data with only read access`).not.toBe("read");
    }
  });

  it("lists no public route that does not exist", () => {
    for (const route of Object.keys(PUBLIC)) expect(routes).toContain(route);
  });

  it("puts every workspace page under the layout that checks the caller's role", () => {
    const pages = files(APP, "page.tsx");
    const outside = pages.filter((page) => !page.startsWith(`w${path.sep}[workspaceId]${path.sep}`) && !["page.tsx", "sign-in/page.tsx", "setup/page.tsx"].includes(page));
    expect(outside, "pages outside /w/:ws must be public on purpose").toEqual([]);
    const layout = readFileSync(path.join(APP, "w", "[workspaceId]", "layout.tsx"), "utf8");
    expect(layout).toMatch(/workspacePageGate\(/);
    expect(layout).toMatch(/notFound\(\)/);
  });
});
