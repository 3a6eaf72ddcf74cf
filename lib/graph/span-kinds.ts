// OTLP SpanKind numbers lib/graph reads. lib/graph may import lib/traces only, and lib/traces
// does not re-export lib/otlp's SpanKind; `satisfies` ties each value to the span's own type
// so a change there fails to compile here.
import type { TraceSpan } from "../traces/trace-span";

export const SERVER_KIND = 2 satisfies TraceSpan["kind"];
export const CLIENT_KIND = 3 satisfies TraceSpan["kind"];
export const PRODUCER_KIND = 4 satisfies TraceSpan["kind"];
export const CONSUMER_KIND = 5 satisfies TraceSpan["kind"];
