// OTLP/HTTP trace receiver: status codes and bodies as the OTLP specification prescribes.
// Reading the body is HTTP's part; who may write, decoding and storing are ingest-trace-export's,
// shared with the gRPC receiver.
import { encodeExportResponse, encodeRpcStatus, parseContentType, type OtlpEncoding } from "../otlp";
import { bodyErrorStatus, readRequestBody } from "../http/read-body";
import { admitCaller, ingestTraceExport, RPC, withAdmission, type IngestOutcome, type IngestRefusal } from "./ingest-trace-export";
import { metrics } from "./metrics";
import { observeRequest, requestIdOf } from "./observe-request";
import { getRuntime } from "./runtime";

export const OTLP_CONTENT_TYPES: Record<OtlpEncoding, string> = {
  protobuf: "application/x-protobuf",
  json: "application/json",
};

function otlpResponse(encoding: OtlpEncoding, status: number, body: Uint8Array, headers: Record<string, string> = {}): Response {
  return new Response(body as BodyInit, { status, headers: { "content-type": OTLP_CONTENT_TYPES[encoding], ...headers } });
}

export function refusalResponse(encoding: OtlpEncoding, refusal: IngestRefusal): Response {
  const headers: Record<string, string> = refusal.retryAfterSeconds ? { "retry-after": String(refusal.retryAfterSeconds) } : {};
  return otlpResponse(encoding, refusal.httpStatus, encodeRpcStatus(encoding, refusal.rpcCode, refusal.message), headers);
}

/** The request's encoding, or the 415 answer for any other Content-Type. */
export function otlpEncodingOf(request: Request): OtlpEncoding | Response {
  const encoding = parseContentType(request.headers.get("content-type"));
  if (encoding !== null) return encoding;
  const given = (request.headers.get("content-type") ?? "").slice(0, 80);
  return otlpResponse("json", 415, encodeRpcStatus("json", RPC.INVALID_ARGUMENT, `Unsupported Content-Type "${given}": use application/x-protobuf or application/json.`));
}

/** The body, decompressed within the size limit, or the answer that refuses it. */
export async function readOtlpBody(request: Request, encoding: OtlpEncoding): Promise<Uint8Array | Response> {
  const limit = getRuntime().config.maxBodyBytes;
  try {
    return await readRequestBody(request, limit);
  } catch (error) {
    const status = bodyErrorStatus(error);
    if (status === undefined) throw error;
    return otlpResponse(encoding, status, encodeRpcStatus(encoding, RPC.INVALID_ARGUMENT, (error as Error).message));
  }
}

export async function receiveOtlpTraces(request: Request): Promise<Response> {
  const startedAt = performance.now();
  const response = await receive(request);
  observeRequest(request, response.status, startedAt, requestIdOf(request), true);
  return response;
}

async function receive(request: Request): Promise<Response> {
  const encoding = otlpEncodingOf(request);
  if (encoding instanceof Response) {
    metrics().requestsRefused.inc({ transport: "otlp_http", reason: "unsupported" });
    return encoding;
  }
  const admitted = await admitCaller("otlp_http", { workspaceHeader: request.headers.get("x-workspace-id"), authorization: request.headers.get("authorization") });
  if (!admitted.ok) return refusalResponse(encoding, admitted);
  // Refused early, before reading the body, when too much is already under way.
  const outcome = await withAdmission("otlp_http", async (): Promise<IngestOutcome | Response> => {
    const body = await readOtlpBody(request, encoding);
    if (!(body instanceof Response)) return ingestTraceExport("otlp_http", body, encoding, admitted.workspaceId);
    metrics().requestsRefused.inc({ transport: "otlp_http", reason: body.status === 413 ? "too_large" : body.status === 415 ? "unsupported" : "invalid_request" });
    return body;
  });
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return refusalResponse(encoding, outcome);
  return otlpResponse(encoding, 200, encodeExportResponse(encoding, { rejectedSpans: outcome.rejectedSpans, errorMessage: outcome.errorMessage }));
}

/** Anything but POST on the OTLP paths. */
export function methodNotAllowed(): Response {
  return new Response(JSON.stringify({ code: RPC.UNIMPLEMENTED, message: "Use POST for OTLP/HTTP export." }), {
    status: 405,
    headers: { allow: "POST", "content-type": "application/json" },
  });
}
