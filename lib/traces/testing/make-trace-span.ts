// Test-only span factory: every field a sensible default so a test states only what it is about.
import { SpanKind } from "../../otlp/span";
import type { TraceSpan } from "../trace-span";

export const TEST_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

/** `startMs`/`endMs` are offsets in milliseconds, the way traces are usually described. */
export function makeTraceSpan(
  init: Partial<Omit<TraceSpan, "startNs" | "endNs">> & { spanId: string; startMs?: number; endMs?: number },
): TraceSpan {
  const { startMs = 0, endMs, ...rest } = init;
  return {
    traceId: TEST_TRACE_ID,
    parentSpanId: "",
    service: "svc",
    name: "op",
    kind: SpanKind.INTERNAL,
    status: "unset",
    attributes: {},
    ...rest,
    startNs: msToNs(startMs),
    endNs: msToNs(endMs ?? startMs + 1),
  };
}

function msToNs(ms: number): bigint {
  return BigInt(Math.round(ms * 1_000_000));
}
