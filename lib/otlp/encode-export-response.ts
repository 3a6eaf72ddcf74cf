// The body of a successful OTLP/HTTP answer (200), in the request's encoding.
import { create, toBinary, toJsonString } from "@bufbuild/protobuf";
import { ExportTraceServiceResponseSchema } from "./gen/opentelemetry/proto/collector/trace/v1/trace_service_pb";
import type { OtlpEncoding } from "./parse-content-type";

export function encodeExportResponse(
  encoding: OtlpEncoding,
  partial: { rejectedSpans: number; errorMessage: string },
): Uint8Array {
  // The spec makes an empty partial_success equal to none, and some senders log any
  // partial_success they see as a warning, so a full success carries none.
  const response =
    partial.rejectedSpans === 0 && partial.errorMessage === ""
      ? create(ExportTraceServiceResponseSchema)
      : create(ExportTraceServiceResponseSchema, {
          partialSuccess: { rejectedSpans: BigInt(partial.rejectedSpans), errorMessage: partial.errorMessage },
        });
  return encoding === "protobuf"
    ? toBinary(ExportTraceServiceResponseSchema, response)
    : new TextEncoder().encode(toJsonString(ExportTraceServiceResponseSchema, response));
}
