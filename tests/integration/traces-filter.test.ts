// Trace search through the running app: by service (any span of the trace, as in Jaeger, not
// only the root), operation and attributes on one span, combined with status, trace id, duration
// and paging. lib/store/trace-search.test.ts covers the store on both databases in depth.
import { context, SpanKind, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { recordCheckoutTrace, sdkClient } from "../support/otel-sdk";

interface TraceList {
  traces: { trace_id: string; root_service: string | null; services: string[]; has_error: boolean; duration_ms: number }[];
  total: number | null;
  has_more: boolean;
  searched_back_to: string | null;
}

const WORKSPACE = "trace-filters";

/** GET /invoices on billing, which calls checkout: checkout is in the trace but not its root. */
function recordInvoice(billing: Tracer, checkout: Tracer, failing: boolean): string {
  const root = billing.startSpan("GET /invoices", { kind: SpanKind.SERVER, attributes: { "http.request.method": "GET", "http.route": "/invoices" } });
  const parent = trace.setSpan(context.active(), root);
  const downstream = checkout.startSpan("GET /orders", { kind: SpanKind.SERVER, attributes: { "http.request.method": "GET", "http.route": "/orders" } }, parent);
  if (failing) downstream.setStatus({ code: SpanStatusCode.ERROR, message: "orders unavailable" });
  downstream.end();
  root.end();
  return root.spanContext().traceId;
}

describe("filtering recent traces", () => {
  let app: AppServer;
  const checkoutIds: string[] = [];
  const billingIds: string[] = [];
  let orphanId = "";
  const list = async (query: string): Promise<TraceList> => {
    const response = await fetch(`${app.baseUrl}/api/v1/workspaces/${WORKSPACE}/telemetry/traces?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as TraceList;
  };

  beforeAll(async () => {
    app = await startApp();
    const headers = { "X-Workspace-ID": WORKSPACE };
    const checkout = sdkClient({ baseUrl: app.baseUrl, format: "protobuf", service: "checkout", headers });
    const billing = sdkClient({ baseUrl: app.baseUrl, format: "protobuf", service: "billing", headers });
    for (let i = 0; i < 2; i++) checkoutIds.push(recordCheckoutTrace(checkout.tracer).traceId);
    for (let i = 0; i < 3; i++) billingIds.push(recordInvoice(billing.tracer, checkout.tracer, i === 0));
    // A checkout span whose parent (in some other service) never arrives: the trace has no root yet.
    const remoteParent = trace.setSpanContext(context.active(), { traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7", traceFlags: 1, isRemote: true });
    checkout.tracer.startSpan("GET /orders", { kind: SpanKind.SERVER }, remoteParent).end();
    orphanId = "4bf92f3577b34da6a3ce929d0e0e4736";
    await Promise.all([checkout.flush(), billing.flush()]);
    await Promise.all([checkout.shutdown(), billing.shutdown()]);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const ids = (found: TraceList) => found.traces.map((t) => t.trace_id).sort();

  it("finds the traces that have a span of the service anywhere, not only at the root", async () => {
    const all = await list("limit=100");
    expect(all.total).toBe(6);

    // Billing's traces call checkout: a checkout span is in them too.
    expect(ids(await list("service=checkout"))).toEqual([...checkoutIds, ...billingIds, orphanId].sort());
    const billing = await list("service=billing");
    expect(ids(billing)).toEqual([...billingIds].sort());
    expect(billing.traces.every((t) => t.root_service === "billing" && t.services.includes("checkout"))).toBe(true);
    // Counting every match would mean reading them all: only a time range is counted.
    expect(billing.total).toBeNull();

    // A trace whose root has not arrived is found by the spans it has.
    expect((await list(`trace_id=${orphanId}`)).traces[0]).toMatchObject({ root_service: null });
    expect(ids(await list(`service=checkout&trace_id=${orphanId}`))).toEqual([orphanId]);
  });

  it("holds service, operation and attributes on one span", async () => {
    // checkout's GET /orders exists only inside billing's traces and the orphan.
    expect(ids(await list("service=checkout&operation=GET%20/orders"))).toEqual([...billingIds, orphanId].sort());
    expect(ids(await list("service=billing&operation=GET%20/orders"))).toEqual([]);
    // checkout's own POST /orders has the route too.
    expect(ids(await list("service=checkout&attr=http.route:/orders"))).toEqual([...checkoutIds, ...billingIds].sort());
    expect(ids(await list("attr=http.route:/invoices&attr=http.request.method:GET"))).toEqual([...billingIds].sort());
    expect(ids(await list("service=billing&attr=http.route!=/invoices"))).toEqual([]);
    expect(ids(await list("attr=http.route%20exists&service=billing"))).toEqual([...billingIds].sort());
  });

  it("combines the span conditions with status, trace id, duration and paging", async () => {
    // The failing span is checkout's, in billing's first trace.
    expect(ids(await list("service=checkout&status=error"))).toContain(billingIds[0]);
    expect(ids(await list("service=billing&status=error"))).toEqual([]);
    expect(ids(await list("status=error&attr=http.route:/invoices"))).toEqual([]);

    expect((await list(`service=billing&trace_id=${billingIds[1].toUpperCase()}`)).traces.map((t) => t.trace_id)).toEqual([billingIds[1]]);
    expect((await list(`service=billing&trace_id=${checkoutIds[0]}`)).traces).toEqual([]);

    const longest = Math.max(...(await list("limit=100")).traces.map((t) => t.duration_ms));
    expect(ids(await list(`min_duration_ms=${longest}`)).length).toBeGreaterThanOrEqual(1);
    expect(ids(await list(`min_duration_ms=${longest + 1000}`))).toEqual([]);

    const first = await list("service=billing&limit=2");
    const rest = await list("service=billing&limit=2&offset=2");
    expect([first.traces.length, first.has_more, rest.traces.length, rest.has_more]).toEqual([2, true, 1, false]);
    expect([...ids(first), ...ids(rest)].sort()).toEqual([...billingIds].sort());
  });

  it("treats an unknown service as no match, an empty one as no filter, and names a bad parameter", async () => {
    expect(await list("service=nobody")).toMatchObject({ traces: [], has_more: false });
    expect((await list("service=&limit=100")).total).toBe(6);
    for (const [query, parameter] of [
      [`service=${"x".repeat(257)}`, "service"],
      ["attr=no-operator-here", "attr"],
      ["min_duration_ms=fast", "min_duration_ms"],
      ["from=yesterday", "from"],
    ]) {
      const response = await fetch(`${app.baseUrl}/api/v1/workspaces/${WORKSPACE}/telemetry/traces?${query}`);
      expect(response.status, query).toBe(400);
      const body = await response.json();
      expect(body.error.issues.map((i: { path: string }) => i.path), query).toContain(parameter);
    }
  });
});
