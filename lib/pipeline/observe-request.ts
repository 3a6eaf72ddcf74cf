// Every API request, timed into /metrics and logged with its request id: errors always,
// changes at info, reads at debug (the dashboard polls; a log line per poll would drown the rest).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { logger } from "../http/logger";
import { routeMatcher, type RouteDefinition } from "../http/route-pattern";
import { metrics } from "./metrics";

let matcher: ((pathname: string) => string) | null = null;

/** Route patterns from the build's routes manifest; without a build (next dev), every path is "unmatched". */
function routeOf(pathname: string): string {
  if (!matcher) {
    let manifest: { staticRoutes?: RouteDefinition[]; dynamicRoutes?: RouteDefinition[] } = {};
    try {
      const file = path.join(/*turbopackIgnore: true*/ process.cwd(), process.env.FLOWPRINT_DIST_DIR || ".next", "routes-manifest.json");
      manifest = JSON.parse(readFileSync(file, "utf8")) as typeof manifest;
    } catch {
      // no build: labels stay bounded anyway
    }
    matcher = routeMatcher(manifest.staticRoutes ?? [], manifest.dynamicRoutes ?? []);
  }
  return matcher(pathname);
}

/** The caller's X-Request-ID when it is a sane token, else a new one. */
export function requestIdOf(request: Request | null): string {
  const given = request?.headers.get("x-request-id")?.trim();
  return given && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
}

/** `routine`: a request that comes many times a second when all is well (OTLP export): logged at debug unless it failed. */
export function observeRequest(request: Request | null, status: number, startedAt: number, requestId: string, routine = false): void {
  if (!request) return;
  const seconds = (performance.now() - startedAt) / 1000;
  const route = routeOf(new URL(request.url).pathname);
  metrics().requestDuration.observe({ route, method: request.method, status: String(status) }, seconds);
  const fields = { request_id: requestId, method: request.method, route, status, duration_ms: Math.round(seconds * 1000) };
  if (status >= 500) logger.error(fields, "request failed");
  else if (routine ? status < 400 : request.method === "GET" || request.method === "HEAD") logger.debug(fields, "request");
  else logger.info(fields, "request");
}
