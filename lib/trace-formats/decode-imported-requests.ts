// The converters' requests through the same decoder as live OTLP ingestion, with the decoder's
// verdicts worded as import problems at the request's place in the file.
import { OtlpDecodeError, decodeTraceRequest, type Span } from "../otlp";
import type { ImportedRequest } from "./converted-traces";
import type { ImportProblem } from "./import-problem";

export interface DecodedImport {
  spans: Span[];
  /** Spans the decoder refused (bad ids, no name), as live ingestion would refuse them. */
  rejectedSpans: number;
  problems: ImportProblem[];
}

const encoder = new TextEncoder();

export function decodeImportedRequests(requests: readonly ImportedRequest<unknown>[], workspaceId: string, receivedAtMs: number): DecodedImport {
  const out: DecodedImport = { spans: [], rejectedSpans: 0, problems: [] };
  for (const { request, where, spanCount } of requests) {
    try {
      const decoded = decodeTraceRequest(encoder.encode(JSON.stringify(request)), "json", workspaceId, receivedAtMs);
      for (const span of decoded.spans) out.spans.push(span);
      out.rejectedSpans += decoded.rejectedSpans;
      if (decoded.errorMessage !== "") out.problems.push({ where, message: `${decoded.errorMessage}.` });
    } catch (error) {
      if (!(error instanceof OtlpDecodeError)) throw error;
      // The whole request is unreadable, e.g. an OTLP/JSON line with a field of the wrong type.
      out.rejectedSpans += spanCount;
      out.problems.push({ where, message: error.message.replace(/^Invalid JSON body: /, "") });
    }
  }
  return out;
}
