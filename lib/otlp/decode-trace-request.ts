import type { DecodedTraces } from "./collect-spans";
import { decodeJsonRequest } from "./decode-json-request";
import { decodeProtobufRequest } from "./decode-protobuf-request";
import type { OtlpEncoding } from "./parse-content-type";

/**
 * Decodes an OTLP/HTTP ExportTraceServiceRequest body (already decompressed) into spans of
 * `workspaceId`. Invalid spans are counted, not thrown: OTLP answers them with
 * partial_success. Throws OtlpDecodeError only when the body as a whole is unreadable.
 *
 * `receivedAtMs` stands in for a span's missing start time (0 on the wire), so such spans
 * land where they arrived instead of in 1970; a missing end time then equals the start.
 */
export function decodeTraceRequest(
  body: Uint8Array,
  encoding: OtlpEncoding,
  workspaceId: string,
  receivedAtMs: number = Date.now(),
): DecodedTraces {
  return encoding === "protobuf"
    ? decodeProtobufRequest(body, workspaceId, receivedAtMs)
    : decodeJsonRequest(body, workspaceId, receivedAtMs);
}
