// The body of a failed OTLP/HTTP answer (4xx/5xx): a google.rpc.Status in the request's
// encoding, which OTLP exporters decode to log why the export failed.
import { create, toBinary, toJsonString } from "@bufbuild/protobuf";
import { StatusSchema } from "./gen/google/rpc/status_pb";
import type { OtlpEncoding } from "./parse-content-type";

/** `code` is a google.rpc.Code (e.g. 3 INVALID_ARGUMENT, 8 RESOURCE_EXHAUSTED, 16 UNAUTHENTICATED). */
export function encodeRpcStatus(encoding: OtlpEncoding, code: number, message: string): Uint8Array {
  const status = create(StatusSchema, { code, message });
  return encoding === "protobuf"
    ? toBinary(StatusSchema, status)
    : new TextEncoder().encode(toJsonString(StatusSchema, status));
}
