// The slice of a span the single-trace diagnoses read: what trace assembly reads, plus the
// status message that tells a failure of its own from one passed up from a callee.
import type { Span } from "../otlp/span";
import type { TraceSpan } from "../traces/trace-span";

export type DiagnosisSpan = TraceSpan & Pick<Span, "statusMessage">;
