// An imported file's spans in writer-sized pieces, each trace whole within one piece: a 64 MiB
// file handed to the span writer at once would fill its queue (live senders then get 503) and
// hold SQLite in one long transaction; a trace split across pieces could complete between them.
import type { Span } from "../otlp/span";

/** Whole traces packed in file order into pieces of at most `maxSpans` (a larger trace is a piece of its own). */
export function chunkSpansByTrace(spans: readonly Span[], maxSpans: number): Span[][] {
  const byTrace = new Map<string, Span[]>();
  for (const span of spans) {
    const trace = byTrace.get(span.traceId);
    if (trace === undefined) byTrace.set(span.traceId, [span]);
    else trace.push(span);
  }
  const chunks: Span[][] = [];
  let current: Span[] = [];
  for (const trace of byTrace.values()) {
    if (current.length > 0 && current.length + trace.length > maxSpans) {
      chunks.push(current);
      current = [];
    }
    current.push(...trace);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
