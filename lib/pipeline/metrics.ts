// Prometheus metrics of this process (GET /metrics), with prom-client. Labels are bounded:
// transports, reasons, route patterns and status codes, never workspace ids or trace ids.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { discoveryBacklog, pingDatabase } from "../store/operability-queries";
import { getRuntime } from "./runtime";

export type IngestTransport = "otlp_http" | "otlp_grpc" | "zipkin" | "import";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "flowprint_" });
  const counter = (name: string, help: string, labelNames: string[]) => new Counter({ name, help, labelNames, registers: [registry] });
  const runtime = () => getRuntime();
  // Both discovery gauges come from one query per scrape.
  let backlog: { atMs: number; answer: ReturnType<typeof discoveryBacklog> } | null = null;
  const discoveryNow = () => {
    if (!backlog || Date.now() - backlog.atMs > 1_000) backlog = { atMs: Date.now(), answer: discoveryBacklog(runtime().store) };
    return backlog.answer;
  };
  return {
    registry,
    spansReceived: counter("flowprint_spans_received_total", "Spans in export requests that were decoded.", ["transport"]),
    spansAccepted: counter("flowprint_spans_accepted_total", "Spans stored.", ["transport"]),
    spansRejected: counter("flowprint_spans_rejected_total", "Spans refused, by reason (invalid: partial success; the others: the whole request).", ["transport", "reason"]),
    requestsRefused: counter("flowprint_ingest_requests_refused_total", "Export requests refused before their spans were read, by reason.", ["transport", "reason"]),
    requestDuration: new Histogram({
      name: "flowprint_http_request_duration_seconds",
      help: "REST API and OTLP/HTTP request latency by route pattern, method and status.",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    spanBatchWrite: new Histogram({
      name: "flowprint_database_span_write_seconds",
      help: "Time to commit one batch of spans to the database.",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    discoveryRound: new Histogram({
      name: "flowprint_discovery_round_traces",
      help: "Traces completed (discovered) per completion round.",
      buckets: [1, 5, 10, 50, 100, 250, 500, 1000, 2000],
      registers: [registry],
    }),
    discoveryRoundSeconds: new Histogram({
      name: "flowprint_discovery_round_seconds",
      help: "Duration of one completion round.",
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    webhookDeliveries: counter("flowprint_webhook_deliveries_total", "Webhook delivery attempts by outcome (delivered, failed).", ["outcome"]),
    gauges: [
      new Gauge({ name: "flowprint_ingest_queued_spans", help: "Spans accepted and waiting for the database.", registers: [registry], collect() { this.set(runtime().writer.backlog); } }),
      new Gauge({ name: "flowprint_ingest_inflight_requests", help: "Export requests being received now.", registers: [registry], collect() { this.set(runtime().admission.current); } }),
      new Gauge({
        name: "flowprint_discovery_waiting_traces",
        help: "Traces waiting for discovery (open or being completed).",
        registers: [registry],
        async collect() {
          this.set((await discoveryNow()).waiting);
        },
      }),
      new Gauge({
        name: "flowprint_discovery_lag_seconds",
        help: "Seconds since the least recently active trace still waiting for discovery last got a span: about the idle window while discovery keeps up.",
        registers: [registry],
        async collect() {
          const { oldestLastSeenMs } = await discoveryNow();
          this.set(oldestLastSeenMs === null ? 0 : Math.max(0, (Date.now() - oldestLastSeenMs) / 1000));
        },
      }),
      new Gauge({
        name: "flowprint_database_ping_seconds",
        help: "One round trip to the database (SELECT 1), measured at scrape time.",
        registers: [registry],
        async collect() {
          this.set((await pingDatabase(runtime().store)) / 1000);
        },
      }),
    ],
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
const slot = globalThis as typeof globalThis & { __flowprintMetrics?: Metrics };

/** The process's metrics, created once (Next.js dev reloads keep them). */
export function metrics(): Metrics {
  return (slot.__flowprintMetrics ??= createMetrics());
}
