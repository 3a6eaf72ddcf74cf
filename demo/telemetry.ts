// OpenTelemetry set-up for one demo service process: its own resource (service.name), a batch
// processor feeding an OTLP/HTTP exporter, W3C trace-context propagation and HTTP
// auto-instrumentation. Call startTelemetry() before the service creates servers or clients.
import { createRequire } from "node:module";
import { trace, type Tracer } from "@opentelemetry/api";
import { ExportResultCode } from "@opentelemetry/core";
import { OTLPTraceExporter as OTLPProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { OTLPTraceExporter as OTLPJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider, type SpanExporter } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from "@opentelemetry/semantic-conventions";
import type { ExportConfig } from "./config";
import { restoreFailureMessage } from "./http-server";

/** Incubating semconv key, copied rather than imported from `/incubating` as OTel advises. */
export const ATTR_PEER_SERVICE = "peer.service";

/** Paths of the untraced message transport (see message-queue.ts): a broker is not a span. */
export const QUEUE_PATH_PREFIX = "/queue/";

export interface Telemetry {
  tracer: Tracer;
  /** Exports the spans queued so far and keeps exporting. */
  flush(): Promise<void>;
  /** Flushes queued spans and stops exporting; safe to call more than once. */
  shutdown(): Promise<void>;
}

export interface TelemetryOptions {
  serviceName: string;
  exportConfig: ExportConfig;
  /** `host:port` → service name, so outgoing client spans carry `peer.service`. */
  peerServiceByHost?: Map<string, string>;
}

/** Export failures are otherwise silent (no diag logger); say so, at most twice a minute. */
const FAILURE_LOG_INTERVAL_MS = 30_000;

/** One line: OTLPExporterError carries the HTTP status in `code` and the body in `data`. */
export function describeExportError(error: unknown): string {
  if (!(error instanceof Error)) return String(error ?? "unknown error");
  const { code, data } = error as Error & { code?: unknown; data?: unknown };
  const status = typeof code === "number" ? ` (HTTP ${code})` : "";
  const body = typeof data === "string" && data ? `: ${data.slice(0, 200)}` : "";
  return `${error.message}${status}${body}`;
}

function reportingFailures(serviceName: string, exporter: SpanExporter): SpanExporter {
  let lastLoggedAt = 0;
  return {
    export: (spans, resultCallback) =>
      exporter.export(spans, (result) => {
        if (result.code === ExportResultCode.FAILED && Date.now() - lastLoggedAt > FAILURE_LOG_INTERVAL_MS) {
          lastLoggedAt = Date.now();
          console.error(`[demo] ${serviceName}: span export failed: ${describeExportError(result.error)}`);
        }
        resultCallback(result);
      }),
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}

export function startTelemetry(options: TelemetryOptions): Telemetry {
  const { serviceName, exportConfig } = options;
  const exporterOptions = {
    url: exportConfig.tracesUrl,
    headers: exportConfig.headers,
    timeoutMillis: 5_000,
  };
  const exporter =
    exportConfig.format === "json"
      ? new OTLPJsonExporter(exporterOptions)
      : new OTLPProtoExporter(exporterOptions);

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: serviceName,
      [ATTR_SERVICE_VERSION]: "1.0.0",
      "service.namespace": "flowprint-demo",
      "deployment.environment.name": "demo",
    }),
    spanProcessors: [
      // 1 s instead of the default 5 s so traces show up in Flowprint within seconds.
      new BatchSpanProcessor(reportingFailures(serviceName, exporter), { scheduledDelayMillis: 1_000, maxExportBatchSize: 512 }),
    ],
  });
  // Registers AsyncLocalStorage context and the W3C traceparent + baggage propagators.
  provider.register();

  const peers = options.peerServiceByHost ?? new Map<string, string>();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        // Recorded so tests exported from these flows can replay requests as they were sent,
        // the caller's identity included: the gateway turns it into the entry span's
        // `customer.tier`, which decides the loyalty path.
        headersToSpanAttributes: { server: { requestHeaders: ["content-type", "x-customer-id", "x-customer-tier"] } },
        ignoreIncomingRequestHook: (request) => request.url?.startsWith(QUEUE_PATH_PREFIX) ?? false,
        startOutgoingSpanHook: (request) => {
          const service = peers.get(`${request.hostname ?? request.host}:${request.port}`);
          return service ? { [ATTR_PEER_SERVICE]: service } : {};
        },
        applyCustomAttributesOnSpan: restoreFailureMessage,
      }),
    ],
  });
  // In ESM, `import http from "node:http"` never passes through require(), so the
  // instrumentation's require hook would not fire. Requiring the core module once patches the
  // shared module object (Server.prototype.emit, request, get) that ESM imports also see.
  createRequire(import.meta.url)("http");

  let stopped: Promise<void> | undefined;
  return {
    tracer: trace.getTracer(`flowprint-demo/${serviceName}`, "1.0.0"),
    flush: () => provider.forceFlush(),
    shutdown: () => (stopped ??= provider.shutdown()),
  };
}
