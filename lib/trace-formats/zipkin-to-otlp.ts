// Zipkin v2 JSON → one OTLP/JSON request per trace. Accepts what Zipkin's API answers
// /api/v2/trace/{id} with (an array of spans), what it answers /api/v2/traces with and its UI
// downloads (an array of traces, each an array of spans), and a single span object.
//
// Per trace: pieces of one span are merged and shared client/server ids split, as Zipkin and
// Jaeger do when they read Zipkin data (merge-zipkin-fragments.ts, split-shared-span-ids.ts);
// then each span is mapped as the Collector maps it (zipkin-span-to-otlp.ts). A span with a
// bad field costs its whole trace (Flowprint discovers flows from whole traces); a span with no
// timestamp is left out on its own, as Zipkin cannot place it in time either.
import type { ConvertedTraces, ConvertOptions } from "./converted-traces";
import { ProblemLog } from "./import-problem";
import { mergeZipkinFragments } from "./merge-zipkin-fragments";
import { OtlpRequestBuilder } from "./otlp-request-builder";
import { padHexId } from "./read-hex-id";
import { FieldError, isJsonObject } from "./read-json-fields";
import { readZipkinSpan, type ZipkinSpan } from "./read-zipkin-span";
import { splitSharedSpanIds } from "./split-shared-span-ids";
import { zipkinSpanToOtlp } from "./zipkin-span-to-otlp";

interface LocatedSpan {
  value: unknown;
  path: string;
}

interface TraceSpans {
  spans: ZipkinSpan[];
  /** Spans of this trace that could not be read. */
  unreadable: number;
}

export interface ZipkinConvertOptions extends ConvertOptions {
  /** A collector's batch: shared server halves are split without their clients (split-shared-span-ids.ts). */
  splitLoneServers?: boolean;
}

export function zipkinToOtlp(document: unknown, options: ZipkinConvertOptions = {}): ConvertedTraces {
  const log = new ProblemLog(options.fileName);
  const result: ConvertedTraces = { requests: [], spanCount: 0, skippedSpanCount: 0, problems: [] };
  const located = locateSpans(document, log);
  if (located.length === 0 && log.count === 0) log.atPath("", "holds no spans: nothing to import.");

  const traces = new Map<string, TraceSpans>();
  const traceOf = (traceId: string) => {
    let trace = traces.get(traceId);
    if (trace === undefined) traces.set(traceId, (trace = { spans: [], unreadable: 0 }));
    return trace;
  };
  located.forEach(({ value, path }, order) => {
    try {
      const span = readZipkinSpan(value, path, order);
      traceOf(span.traceId).spans.push(span);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      log.atPath(error.path, error.message);
      const traceId = isJsonObject(value) && typeof value.traceId === "string" ? padHexId(value.traceId, 32) : undefined;
      // Without a readable trace id the span belongs to no trace: only it is lost.
      if (traceId === undefined) result.skippedSpanCount++;
      else traceOf(traceId).unreadable++;
    }
  });

  for (const [traceId, trace] of traces) {
    if (trace.unreadable > 0) {
      result.skippedSpanCount += trace.spans.length + trace.unreadable;
      continue;
    }
    const builder = new OtlpRequestBuilder();
    const timed: ZipkinSpan[] = [];
    for (const span of mergeZipkinFragments(trace.spans)) {
      if (span.timestamp !== undefined) {
        timed.push(span);
        continue;
      }
      log.atPath(span.path, "has no timestamp, so it cannot be placed in time: left out. (Zipkin reporters send such pieces when part of a span is reported apart.)");
      result.skippedSpanCount++;
    }
    const { spans, repeated } = splitSharedSpanIds(timed, { splitLoneServers: options.splitLoneServers });
    for (const { span, of } of repeated) {
      log.atPath(span.path, `repeats the span id ${span.id} of ${of.path} (not pieces of one span from one host, nor an RPC's client and server): left out.`);
      result.skippedSpanCount++;
    }
    for (const span of spans) {
      const { resource, scope, span: otlpSpan } = zipkinSpanToOtlp(span);
      builder.add(resource, scope, otlpSpan);
    }
    if (builder.spanCount === 0) continue;
    // Named as Zipkin shows it: 64-bit trace ids without the zero high half.
    const shownId = traceId.startsWith("0000000000000000") ? traceId.slice(16) : traceId;
    result.requests.push({ request: builder.build(), where: log.pathLocation(`trace ${shownId}`), spanCount: builder.spanCount });
    result.spanCount += builder.spanCount;
  }
  result.problems = log.list();
  return result;
}

function locateSpans(document: unknown, log: ProblemLog): LocatedSpan[] {
  if (isJsonObject(document) && "traceId" in document) return [{ value: document, path: "" }];
  if (!Array.isArray(document)) {
    log.atPath("", "is not Zipkin v2 JSON: expected an array of spans, or an array of traces (arrays of spans).");
    return [];
  }
  return document.flatMap((item: unknown, i) => (Array.isArray(item) ? item.map((value: unknown, j) => ({ value, path: `[${i}][${j}]` })) : [{ value: item, path: `[${i}]` }]));
}
