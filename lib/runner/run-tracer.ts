// The runner's own span, `flowprint.run <test>`: its trace id names the run to Flowprint, its
// context goes out as `traceparent` with every request so the system's spans join that trace,
// and its name and attribute mark the trace as a test run, which keeps it out of discovery.
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, defaultTextMapSetter, trace, type Span } from "@opentelemetry/api";
import { ExportResultCode, W3CTraceContextPropagator, type ExportResult } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, SimpleSpanProcessor, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { STEP_ID_ATTRIBUTE, TEST_EXECUTION_ATTRIBUTE } from "../otlp/classify-traffic";

export const RUNNER_SERVICE = "flowprint-runner";

export interface RunSpan {
  traceId: string;
  /** `traceparent` (and `tracestate`) for a request sent within this run. */
  traceHeaders(): Record<string, string>;
  /**
   * Headers for a request whose part of the trace is checked on its own: a child span,
   * `flowprint.step <id>`, is its parent. Ended with the run.
   */
  stepHeaders(stepId: string): Record<string, string>;
  setExecutionId(executionId: string): void;
  /** Ends the span and waits until it is exported; an export failure comes back as a message. */
  finish(failed: boolean): Promise<string | null>;
}

export interface RunTracer {
  /** `setup`: the span of a test's setup steps, `flowprint.setup <test>`, in a trace of its own. */
  startRun(testName: string, file: string, phase?: "run" | "setup"): RunSpan;
  shutdown(): Promise<void>;
}

/** Remembers the last export failure, which the SDK would otherwise only log to its diag channel. */
class WatchedExporter implements SpanExporter {
  lastFailure: string | null = null;
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.inner.export(spans, (result) => {
      if (result.code === ExportResultCode.FAILED) this.lastFailure = describeExportError(result.error);
      done(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

function describeExportError(error: Error | undefined): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 401 || code === 403) return `Flowprint refused the runner's span (${code}): pass the workspace's ingest key with --key or FLOWPRINT_INGEST_KEY`;
  return `the runner's span did not reach Flowprint: ${error?.message || "export failed"}`;
}

export function createRunTracer(options: { server: string; workspace: string; ingestKey: string | null }): RunTracer {
  const exporter = new WatchedExporter(
    new OTLPTraceExporter({
      url: `${options.server}/v1/traces`,
      headers: { "X-Workspace-ID": options.workspace, ...(options.ingestKey ? { Authorization: `Bearer ${options.ingestKey}` } : {}) },
    }),
  );
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": RUNNER_SERVICE }),
    // One span per test, needed at the server before polling starts: batching would only delay it.
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("flowprint-runner");
  const propagator = new W3CTraceContextPropagator();

  return {
    startRun(testName, file, phase = "run") {
      const span: Span = tracer.startSpan(`flowprint.${phase} ${testName}`, { kind: SpanKind.CLIENT, attributes: { "flowprint.test.name": testName, "flowprint.test.file": file } });
      const runContext = trace.setSpan(ROOT_CONTEXT, span);
      const stepSpans: Span[] = [];
      const headersOf = (ctx: typeof runContext) => {
        const carrier: Record<string, string> = {};
        propagator.inject(ctx, carrier, defaultTextMapSetter);
        return carrier;
      };
      return {
        traceId: span.spanContext().traceId,
        traceHeaders: () => headersOf(runContext),
        stepHeaders(stepId) {
          const step = tracer.startSpan(`flowprint.step ${stepId}`, { kind: SpanKind.CLIENT, attributes: { [STEP_ID_ATTRIBUTE]: stepId } }, runContext);
          stepSpans.push(step);
          return headersOf(trace.setSpan(runContext, step));
        },
        setExecutionId(executionId) {
          span.setAttribute(TEST_EXECUTION_ATTRIBUTE, executionId);
        },
        async finish(failed) {
          if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
          exporter.lastFailure = null;
          for (const step of stepSpans) step.end();
          span.end();
          try {
            await provider.forceFlush();
          } catch (error) {
            return exporter.lastFailure ?? describeExportError(error instanceof Error ? error : undefined);
          }
          return exporter.lastFailure;
        },
      };
    },
    shutdown: () => provider.shutdown(),
  };
}
