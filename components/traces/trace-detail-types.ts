// The trace detail as GET .../telemetry/traces/:traceId returns it, typed from the query that builds
// it and the diagnosis the route adds.
import type { TraceDiagnosisView } from "@/lib/api/trace-diagnosis-view";
import type { getTraceWithTree } from "@/lib/store/trace-queries";

export type TraceDetail = NonNullable<Awaited<ReturnType<typeof getTraceWithTree>>> & TraceDiagnosisView;
export type TraceDetailSpan = TraceDetail["spans"][number];

/** W3C trace ids: 32 lowercase hex characters, never all zero. */
export const TRACE_ID_PATTERN = /^[0-9a-f]{32}$/;
