// The trace detail as GET .../telemetry/traces/:traceId returns it: the contract lives in lib/api.
export type { TraceDetail, TraceDetailSpan } from "@/lib/api/traces.schemas";

/** W3C trace ids: 32 lowercase hex characters, never all zero. */
export const TRACE_ID_PATTERN = /^[0-9a-f]{32}$/;
