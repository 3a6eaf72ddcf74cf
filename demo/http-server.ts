// A tiny JSON router on node:http. Its one job beyond routing: name the server span that
// @opentelemetry/instrumentation-http started after the matched route, because that
// instrumentation does not know routes and Flowprint types a span by `http.route`.
import http from "node:http";
import { context, SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import { getRPCMetadata, RPCType } from "@opentelemetry/core";
import { ATTR_HTTP_ROUTE } from "@opentelemetry/semantic-conventions";
import { sleep } from "./latency";

const EXTRA_LATENCY_MS = Number(process.env.DEMO_EXTRA_LATENCY_MS ?? 0) || 0;

export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body, undefined when there was none. */
  body: unknown;
}

export interface RouteReply {
  status: number;
  body?: unknown;
}

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Template with `:name` segments, e.g. `/orders/:id`; becomes `http.route`. */
  route: string;
  handler: (request: RouteRequest) => Promise<RouteReply> | RouteReply;
}

/** Thrown by handlers for an expected client error (404, 409, ...). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const failureMessages = new WeakMap<Span, string>();

/** Marks the current span failed: for business failures the HTTP status alone does not flag. */
export function failActiveSpan(message: string, errorType: string): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.setStatus({ code: SpanStatusCode.ERROR, message });
  span.setAttribute("error.type", errorType);
  failureMessages.set(span, message);
}

/**
 * instrumentation-http sets a 5xx server span's status as the response ends, without a message,
 * replacing the one failActiveSpan gave: its applyCustomAttributesOnSpan hook, which runs after
 * that, puts the message back.
 */
export function restoreFailureMessage(span: Span): void {
  const message = failureMessages.get(span);
  if (message !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message });
}

function matchRoute(template: string, path: string): Record<string, string> | undefined {
  const want = template.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(got[i]!);
    else if (part !== got[i]) return undefined;
  }
  return params;
}

function nameServerSpan(method: string, route: string): void {
  // rpcMetadata is how framework instrumentations (express, koa) hand the route to
  // instrumentation-http, which then sets `http.route` and renames the span when the response
  // finishes. Setting both now as well keeps them right even if the client aborts.
  const rpcMetadata = getRPCMetadata(context.active());
  if (rpcMetadata?.type === RPCType.HTTP) rpcMetadata.route = route;
  const span = trace.getActiveSpan();
  span?.setAttribute(ATTR_HTTP_ROUTE, route);
  span?.updateName(`${method} ${route}`);
}

/** Larger bodies are not recorded on the span. */
const MAX_RECORDED_BODY_BYTES = 4_096;

async function readJsonBody(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const size = chunks.reduce((n, c) => n + c.byteLength, 0);
  // The request body, so a test exported from the flow can send it again (Flowprint reads
  // `http.request.body`; no semantic convention records bodies).
  if (size <= MAX_RECORDED_BODY_BYTES) trace.getActiveSpan()?.setAttribute("http.request.body", Buffer.concat(chunks).toString("utf8"));
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw new HttpError(400, "body is not JSON");
  }
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  // The response body too, so Flowprint can see which response's id a later request uses.
  if (text !== "" && Buffer.byteLength(text) <= MAX_RECORDED_BODY_BYTES) trace.getActiveSpan()?.setAttribute("http.response.body", text);
  response.writeHead(status, { "content-type": "application/json" });
  response.end(text);
}

async function handle(routes: Route[], request: http.IncomingMessage, response: http.ServerResponse) {
  const url = new URL(request.url ?? "/", "http://service.local");
  const method = request.method ?? "GET";
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchRoute(route.route, url.pathname);
    if (!params) continue;
    nameServerSpan(method, route.route);
    try {
      // DEMO_SLOW_SERVICE names a service that answers late (see demo/config.ts).
      if (EXTRA_LATENCY_MS > 0) await sleep(EXTRA_LATENCY_MS);
      const body = await readJsonBody(request);
      const reply = await route.handler({ params, query: url.searchParams, headers: request.headers, body });
      sendJson(response, reply.status, reply.body);
    } catch (error) {
      if (error instanceof HttpError) {
        sendJson(response, error.status, { error: error.message });
        return;
      }
      const span = trace.getActiveSpan();
      span?.recordException(error as Error);
      span?.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      sendJson(response, 500, { error: "internal error" });
    }
    return;
  }
  sendJson(response, 404, { error: `no route for ${method} ${url.pathname}` });
}

/** Extra handler for paths the router does not own (the message transport). */
export type RawHandler = (request: http.IncomingMessage, response: http.ServerResponse) => boolean;

export async function listen(port: number, routes: Route[], raw?: RawHandler): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    if (raw?.(request, response)) return;
    void handle(routes, request, response);
  });
  // Longer than the client agent's 5 s idle timeout (Node's global agent), so the client always
  // drops an idle keep-alive socket first; otherwise a request can race the server's close and
  // fail with ECONNRESET.
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return server;
}

export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
