// The store keys a span by (trace id, span id) and keeps the first it is given: a file that holds
// one id twice in a trace (a Collector file exporter that wrote a retried batch again, Jaeger's
// own fixture of duplicate ids) would otherwise be answered with more spans than were stored.
import type { Span } from "../otlp";
import type { ImportProblem } from "./import-problem";

export interface RepeatsDropped {
  /** The first span of each (trace id, span id), in file order. */
  spans: Span[];
  repeated: number;
  /** Says how many and names the first, at the file; absent when nothing repeats. */
  problem?: ImportProblem;
}

export function dropRepeatedSpans(spans: readonly Span[], fileName?: string): RepeatsDropped {
  const seen = new Set<string>();
  const kept: Span[] = [];
  let first: Span | undefined;
  for (const span of spans) {
    const key = `${span.traceId}/${span.spanId}`;
    if (!seen.has(key)) {
      seen.add(key);
      kept.push(span);
    } else {
      first ??= span;
    }
  }
  const repeated = spans.length - kept.length;
  if (first === undefined) return { spans: kept, repeated };
  const which = `span ${first.spanId} of trace ${first.traceId}`;
  const message =
    repeated === 1
      ? `holds a span id twice within its trace (${which}): the first is stored, the repeat left out.`
      : `holds ${repeated} repeats of span ids within their traces (the first: ${which}): the first of each is stored, the repeats left out.`;
  return { spans: kept, repeated, problem: { where: fileName ?? "the file", message } };
}
