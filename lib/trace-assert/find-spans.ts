// `span(name)` accepts either a service name or an operation (span) name, because test authors
// think of "the user-service call" and "the SELECT" equally often and should not have to
// remember which field holds which.
import type { SpanContext } from "./trace-context";

export function spanMatches(span: SpanContext, name: string): boolean {
  return span.service === name || span.name === name;
}

/** Every match, in the order given (the trace keeps its spans in start order). */
export function findSpans(spans: readonly SpanContext[], name: string): SpanContext[] {
  return spans.filter((span) => spanMatches(span, name));
}

export function findFirstSpan(spans: readonly SpanContext[], name: string): SpanContext | null {
  return spans.find((span) => spanMatches(span, name)) ?? null;
}
