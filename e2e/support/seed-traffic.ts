// Seeds e2e workspaces the way users fill them: real OTLP from the official OpenTelemetry SDK,
// sent to the running app, then completed on request so pages need not wait for the idle window.
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { sdkClient } from "../../tests/support/otel-sdk";
import { completeTraces } from "./complete-traces";
import { allowKeylessIngest, apiFetch } from "./session";

export interface OrderTraffic {
  /** Traces to send. */
  count: number;
  /** Entry service (default checkout) and its HTTP route (default POST /orders). */
  service?: string;
  method?: string;
  route?: string;
  /** Peer services called after the database write, in order. */
  peers?: string[];
  /** `customer.tier` on the entry span: what explains variants. */
  tier?: string;
  /** Share of traces whose payment call fails (0..1). */
  errorShare?: number;
  /** Entry span duration in ms. */
  durationMs?: number;
}

export async function sendOrders(baseUrl: string, workspace: string, traffic: OrderTraffic): Promise<string[]> {
  await allowKeylessIngest(baseUrl, workspace);
  const client = sdkClient({ baseUrl, format: "protobuf", service: traffic.service ?? "checkout", headers: { "X-Workspace-ID": workspace } });
  const { tracer } = client;
  const method = traffic.method ?? "POST";
  const route = traffic.route ?? "/orders";
  const ids: string[] = [];
  for (let i = 0; i < traffic.count; i++) {
    const start = Date.now() - (traffic.durationMs ?? 40);
    const root = tracer.startSpan(`${method} ${route}`, {
      kind: SpanKind.SERVER,
      startTime: start,
      attributes: { "http.request.method": method, "http.route": route, "url.path": route, "http.response.status_code": 201, "customer.tier": traffic.tier ?? "standard" },
    });
    const parent = trace.setSpan(context.active(), root);
    tracer.startSpan("INSERT orders", { kind: SpanKind.CLIENT, startTime: start + 2, attributes: { "db.system.name": "postgresql", "db.namespace": "orders", "db.operation.name": "INSERT" } }, parent).end(start + 8);
    (traffic.peers ?? []).forEach((peer, n) => {
      const call = tracer.startSpan(`POST ${peer}`, { kind: SpanKind.CLIENT, startTime: start + 10 + n * 5, attributes: { "peer.service": peer, "http.request.method": "POST" } }, parent);
      const failing = traffic.errorShare !== undefined && (i + 1) / traffic.count <= traffic.errorShare && n === 0;
      if (failing) call.setStatus({ code: SpanStatusCode.ERROR, message: `${peer} unavailable` });
      call.end(start + 14 + n * 5);
    });
    root.end(start + (traffic.durationMs ?? 40));
    ids.push(root.spanContext().traceId);
  }
  await client.flush();
  await client.shutdown();
  await completeTraces(baseUrl, workspace, ids);
  return ids;
}

export async function putSettings(baseUrl: string, workspace: string, patch: Record<string, unknown>): Promise<void> {
  const response = await apiFetch(`${baseUrl}/api/v1/workspaces/${workspace}/settings/telemetry`, { method: "PUT", body: JSON.stringify(patch) });
  if (!response.ok) throw new Error(`settings answered ${response.status}: ${await response.text()}`);
}

/** A workspace that learns from its first `learningTraces` traces and shows alerts at once. */
export async function fastDriftWorkspace(baseUrl: string, workspace: string, learningTraces = 3): Promise<void> {
  await putSettings(baseUrl, workspace, { drift_learning_ms: 0, drift_learning_traces: learningTraces, drift_confirm_ms: 0 });
}

/** Polls until `done`; the deadline only bounds a hang, so it is far beyond what an idle machine needs. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting for the app");
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Order look-ups through a gateway: api-gateway's `GET /api/v1/orders/:id` calls orders'
 * `GET /orders/:id`, which reads its database. In the first `notFound` traces the order does not
 * exist: the gateway's client span fails with the 404, orders' own server span does not (HTTP
 * servers leave 4xx unset). Returns the trace ids, completed.
 */
export async function sendOrderLookups(baseUrl: string, workspace: string, traffic: { count: number; notFound: number }): Promise<string[]> {
  await allowKeylessIngest(baseUrl, workspace);
  const headers = { "X-Workspace-ID": workspace };
  const gateway = sdkClient({ baseUrl, format: "protobuf", service: "api-gateway", headers });
  const orders = sdkClient({ baseUrl, format: "protobuf", service: "orders", headers });
  const ids: string[] = [];
  for (let i = 0; i < traffic.count; i++) {
    const status = i < traffic.notFound ? 404 : 200;
    const start = Date.now() - 30;
    const root = gateway.tracer.startSpan("GET /api/v1/orders/:id", {
      kind: SpanKind.SERVER,
      startTime: start,
      attributes: { "http.request.method": "GET", "http.route": "/api/v1/orders/:id", "http.response.status_code": status },
    });
    const call = gateway.tracer.startSpan("GET", { kind: SpanKind.CLIENT, startTime: start + 1, attributes: { "http.request.method": "GET", "server.address": "orders", "http.response.status_code": status } }, trace.setSpan(context.active(), root));
    const server = orders.tracer.startSpan(
      "GET /orders/:id",
      { kind: SpanKind.SERVER, startTime: start + 2, attributes: { "http.request.method": "GET", "http.route": "/orders/:id", "http.response.status_code": status } },
      trace.setSpan(context.active(), call),
    );
    orders.tracer.startSpan("SELECT orders", { kind: SpanKind.CLIENT, startTime: start + 3, attributes: { "db.system.name": "sqlite", "db.namespace": "orders", "db.operation.name": "SELECT" } }, trace.setSpan(context.active(), server)).end(start + 6);
    server.end(start + 20);
    if (status === 404) call.setStatus({ code: SpanStatusCode.ERROR, message: "404 Not Found" });
    call.end(start + 22);
    root.end(start + 25);
    ids.push(root.spanContext().traceId);
    // Each span is its own export; the exporter refuses more than 30 at once.
    if (i % 5 === 4) await Promise.all([gateway.flush(), orders.flush()]);
  }
  for (const client of [gateway, orders]) {
    await client.flush();
    await client.shutdown();
  }
  await completeTraces(baseUrl, workspace, ids);
  return ids;
}
