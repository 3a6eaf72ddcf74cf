// Traffic for the trace search: a storefront whose checkouts call a payments service (never a
// root), with the payment provider as an attribute on the payments span and durations far apart,
// so each filter of the query bar keeps a different, known set of traces.
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { sdkClient } from "../../tests/support/otel-sdk";
import { completeTraces } from "./complete-traces";
import { allowKeylessIngest } from "./session";

export interface SearchTrace {
  traceId: string;
  operation: string;
  /** The payments call's `payment.provider`, when the trace makes one. */
  provider?: "acme" | "globex";
  durationMs: number;
  failed: boolean;
  startMs: number;
}

const PLAN: Omit<SearchTrace, "traceId" | "startMs">[] = [
  { operation: "GET /products", durationMs: 15, failed: false },
  { operation: "GET /products", durationMs: 30, failed: false },
  { operation: "POST /checkout", provider: "acme", durationMs: 120, failed: false },
  { operation: "POST /checkout", provider: "globex", durationMs: 450, failed: true },
  { operation: "POST /checkout", provider: "acme", durationMs: 700, failed: false },
];

export async function sendSearchTraffic(baseUrl: string, workspace: string): Promise<SearchTrace[]> {
  await allowKeylessIngest(baseUrl, workspace);
  const headers = { "X-Workspace-ID": workspace };
  const storefront = sdkClient({ baseUrl, format: "protobuf", service: "storefront", headers });
  const payments = sdkClient({ baseUrl, format: "protobuf", service: "payments", headers });
  // Start times a second apart and in the past, so the scatter spreads them along its time axis.
  const base = Date.now() - 2_000 - PLAN.length * 1_000;
  const sent = PLAN.map((planned, i) => {
    const start = base + i * 1_000;
    const [method, route] = planned.operation.split(" ");
    const root = storefront.tracer.startSpan(planned.operation, { kind: SpanKind.SERVER, startTime: start, attributes: { "http.request.method": method, "http.route": route } });
    if (planned.provider) {
      const parent = trace.setSpan(context.active(), root);
      const call = storefront.tracer.startSpan("POST", { kind: SpanKind.CLIENT, startTime: start + 2, attributes: { "http.request.method": "POST", "server.address": "payments" } }, parent);
      const charge = payments.tracer.startSpan(
        "POST /charges",
        { kind: SpanKind.SERVER, startTime: start + 4, attributes: { "http.request.method": "POST", "http.route": "/charges", "payment.provider": planned.provider } },
        trace.setSpan(context.active(), call),
      );
      if (planned.failed) charge.setStatus({ code: SpanStatusCode.ERROR, message: "card declined" });
      charge.end(start + planned.durationMs - 4);
      call.end(start + planned.durationMs - 2);
    }
    root.end(start + planned.durationMs);
    return { ...planned, traceId: root.spanContext().traceId, startMs: start };
  });
  for (const client of [storefront, payments]) {
    await client.flush();
    await client.shutdown();
  }
  await completeTraces(baseUrl, workspace, sent.map((t) => t.traceId));
  return sent;
}
