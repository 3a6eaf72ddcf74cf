// POST /v1/metrics and /v1/logs: accepted and dropped, each item counted as rejected with the
// reason (lib/otlp/other-signals), so an SDK configured with the base endpoint warns once.
// Nothing is stored, so no key is asked for.
import { countOtherSignalItems, encodeOtherSignalResponse, encodeRpcStatus, OtlpDecodeError, type OtherSignal } from "../otlp";
import { RPC } from "./ingest-trace-export";
import { OTLP_CONTENT_TYPES, otlpEncodingOf, readOtlpBody } from "./receive-otlp-traces";

export function receiveOtherSignal(signal: OtherSignal) {
  return async (request: Request): Promise<Response> => {
    const encoding = otlpEncodingOf(request);
    if (encoding instanceof Response) return encoding;
    const body = await readOtlpBody(request, encoding);
    if (body instanceof Response) return body;
    const headers = { "content-type": OTLP_CONTENT_TYPES[encoding] };
    try {
      const rejected = countOtherSignalItems(body, encoding, signal);
      return new Response(encodeOtherSignalResponse(encoding, signal, rejected) as BodyInit, { status: 200, headers });
    } catch (error) {
      if (!(error instanceof OtlpDecodeError)) throw error;
      return new Response(encodeRpcStatus(encoding, RPC.INVALID_ARGUMENT, error.message) as BodyInit, { status: 400, headers });
    }
  };
}
