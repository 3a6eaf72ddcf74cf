// The body of Zipkin's collector API (POST /api/v2/spans): one reporter's batch, a JSON array of
// Zipkin v2 spans. Stricter than a file import where Zipkin itself is: a span that cannot be read
// fails the whole batch, as Zipkin answers such a list 400 and stores none of it, so the reporter
// logs the failure instead of losing the span unseen. Pieces Zipkin accepts but Flowprint cannot
// place (no timestamp, a span id used twice) are left out as in an import: a reporter cannot fix
// them and a 400 would cost the rest of its batch. The halves of a B3 RPC come in two services'
// batches, so a shared server half is split from its client's id without it.
import type { ImportedRequest } from "./converted-traces";
import { isZipkinV1Span } from "./detect-trace-format";
import { parseJsonText } from "./parse-json-text";
import { FieldError, isJsonObject } from "./read-json-fields";
import { readZipkinSpan } from "./read-zipkin-span";
import { zipkinToOtlp } from "./zipkin-to-otlp";

export type ZipkinBatch =
  | { ok: true; requests: ImportedRequest[]; spanCount: number; skippedSpanCount: number }
  | { ok: false; reason: string };

export function readZipkinBatch(text: string): ZipkinBatch {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, reason: `The body is not valid JSON (line ${parsed.line}, column ${parsed.column}): ${parsed.reason}.` };
  const spans = parsed.value;
  if (!Array.isArray(spans)) return { ok: false, reason: "The body must be a JSON array of Zipkin v2 spans." };
  for (const [i, span] of spans.entries()) {
    if (isJsonObject(span) && isZipkinV1Span(span)) {
      return { ok: false, reason: "The body is Zipkin v1 JSON; this endpoint takes Zipkin v2 JSON: set the reporter's encoding to JSON v2 (Brave: SpanBytesEncoder.JSON_V2)." };
    }
    try {
      readZipkinSpan(span, `[${i}]`, i);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      return { ok: false, reason: `${error.path} ${error.message}` };
    }
  }
  const converted = zipkinToOtlp(spans, { splitLoneServers: true });
  return { ok: true, requests: converted.requests, spanCount: converted.spanCount, skippedSpanCount: converted.skippedSpanCount };
}
