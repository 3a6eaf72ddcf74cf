// The slice of a normalized span that trace assembly and flow discovery read. Kept narrow so
// callers can build it from a database row without loading events, links or resources.
import type { Span } from "../otlp/span";

export type TraceSpan = Pick<
  Span,
  "traceId" | "spanId" | "parentSpanId" | "service" | "name" | "kind" | "status" | "startNs" | "endNs" | "attributes"
>;
