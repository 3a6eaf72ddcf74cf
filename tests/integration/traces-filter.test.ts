// The traces list's filters through the running app: by root service (the service a request
// entered by, not every service it touched), combined with status, trace id and paging.
import { context, SpanKind, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { recordCheckoutTrace, sdkClient } from "../support/otel-sdk";

interface TraceList {
  traces: { trace_id: string; root_service: string | null; services: string[]; has_error: boolean }[];
  total: number;
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

  it("lists only the traces whose root span belongs to the service", async () => {
    const all = await list("limit=100");
    expect(all.total).toBe(6);

    const checkout = await list("service=checkout");
    expect(checkout.total).toBe(2);
    expect(checkout.traces.map((t) => t.trace_id).sort()).toEqual([...checkoutIds].sort());
    expect(checkout.traces.every((t) => t.root_service === "checkout")).toBe(true);

    // Billing's traces touch checkout too; they are billing's alone.
    const billing = await list("service=billing");
    expect(billing.total).toBe(3);
    expect(billing.traces.map((t) => t.trace_id).sort()).toEqual([...billingIds].sort());
    expect(billing.traces.every((t) => t.services.includes("checkout"))).toBe(true);

    // A trace whose root has not arrived has no root service yet, so no service filter finds it.
    expect((await list(`trace_id=${orphanId}`)).traces[0]).toMatchObject({ root_service: null });
    expect((await list(`service=checkout&trace_id=${orphanId}`)).total).toBe(0);
  });

  it("combines the service with status, trace id and paging", async () => {
    const failingBilling = await list("service=billing&status=error");
    expect(failingBilling.traces.map((t) => t.trace_id)).toEqual([billingIds[0]]);
    expect((await list("service=checkout&status=error")).total).toBe(2);

    expect((await list(`service=billing&trace_id=${billingIds[1].toUpperCase()}`)).traces.map((t) => t.trace_id)).toEqual([billingIds[1]]);
    expect((await list(`service=checkout&trace_id=${billingIds[1]}`)).total).toBe(0);

    const first = await list("service=billing&limit=2");
    const rest = await list("service=billing&limit=2&offset=2");
    expect([first.traces.length, first.total, rest.traces.length, rest.total]).toEqual([2, 3, 1, 3]);
    expect([...first.traces, ...rest.traces].map((t) => t.trace_id).sort()).toEqual([...billingIds].sort());
  });

  it("treats an unknown service as no match, an empty one as no filter, and rejects an oversized one", async () => {
    expect(await list("service=nobody")).toEqual({ traces: [], total: 0 });
    expect((await list("service=&limit=100")).total).toBe(6);
    const response = await fetch(`${app.baseUrl}/api/v1/workspaces/${WORKSPACE}/telemetry/traces?service=${"x".repeat(257)}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.issues.map((i: { path: string }) => i.path)).toContain("service");
  });
});
