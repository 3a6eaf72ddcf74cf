// OTLP/HTTP trace receiver: status codes and bodies as the OTLP specification prescribes.
// Decoding lives in lib/otlp; this file maps HTTP to it and to the span writer.
import { decodeTraceRequest, encodeExportResponse, encodeRpcStatus, OtlpDecodeError, parseContentType, type OtlpEncoding } from "../otlp";
import { BodyTooLargeError, CorruptBodyError, decodeContentEncoding, readBodyLimited, UnsupportedEncodingError } from "../http/read-body";
import { ensureWorkspace } from "../store/workspace-repository";
import { resolveIngestWorkspace } from "../workspaces/resolve-ingest-workspace";
import { protectLlmContent } from "./protect-llm-content";
import { getRuntime } from "./runtime";
import { IngestOverloadedError } from "./span-writer";

// google.rpc.Code values used in Status bodies.
const RPC = { INVALID_ARGUMENT: 3, PERMISSION_DENIED: 7, RESOURCE_EXHAUSTED: 8, UNIMPLEMENTED: 12, UNAVAILABLE: 14, UNAUTHENTICATED: 16 } as const;

const CONTENT_TYPES: Record<OtlpEncoding, string> = {
  protobuf: "application/x-protobuf",
  json: "application/json",
};

function otlpResponse(encoding: OtlpEncoding, status: number, body: Uint8Array, headers: Record<string, string> = {}): Response {
  return new Response(body as BodyInit, { status, headers: { "content-type": CONTENT_TYPES[encoding], ...headers } });
}

function statusResponse(encoding: OtlpEncoding, httpStatus: number, rpcCode: number, message: string, headers: Record<string, string> = {}): Response {
  return otlpResponse(encoding, httpStatus, encodeRpcStatus(encoding, rpcCode, message), headers);
}

export async function receiveOtlpTraces(request: Request): Promise<Response> {
  const encoding = parseContentType(request.headers.get("content-type"));
  if (encoding === null) {
    return statusResponse(
      "json",
      415,
      RPC.INVALID_ARGUMENT,
      `Unsupported Content-Type "${(request.headers.get("content-type") ?? "").slice(0, 80)}": use application/x-protobuf or application/json.`,
    );
  }

  const runtime = getRuntime();
  const access = resolveIngestWorkspace(
    { workspaceHeader: request.headers.get("x-workspace-id"), authorization: request.headers.get("authorization") },
    await runtime.keyring.current(),
  );
  if (!access.ok) {
    const code = access.status === 400 ? RPC.INVALID_ARGUMENT : access.status === 401 ? RPC.UNAUTHENTICATED : RPC.PERMISSION_DENIED;
    return statusResponse(encoding, access.status, code, access.message);
  }

  if (await runtime.ingestGate.isDisabled(access.workspaceId)) {
    return statusResponse(encoding, 403, RPC.PERMISSION_DENIED, `Telemetry ingestion is disabled for workspace "${access.workspaceId}" (settings: enabled = false).`);
  }

  // Refuse early, before reading the body, when too much is already under way.
  if (runtime.writer.isOverloaded() || !runtime.admission.tryEnter()) return overloaded(encoding);
  try {
    return await receiveAdmitted(request, encoding, access.workspaceId);
  } finally {
    runtime.admission.leave();
  }
}

async function receiveAdmitted(request: Request, encoding: OtlpEncoding, workspaceId: string): Promise<Response> {
  const runtime = getRuntime();
  const limit = runtime.config.maxBodyBytes;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return statusResponse(encoding, 413, RPC.INVALID_ARGUMENT, new BodyTooLargeError(limit, "body").message);

  let decoded;
  try {
    const raw = await readBodyLimited(request.body, limit);
    const body = await decodeContentEncoding(raw, request.headers.get("content-encoding"), limit);
    decoded = decodeTraceRequest(body, encoding, workspaceId);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return statusResponse(encoding, 413, RPC.INVALID_ARGUMENT, error.message);
    if (error instanceof UnsupportedEncodingError) return statusResponse(encoding, 415, RPC.INVALID_ARGUMENT, error.message);
    if (error instanceof CorruptBodyError || error instanceof OtlpDecodeError) {
      return statusResponse(encoding, 400, RPC.INVALID_ARGUMENT, error.message);
    }
    throw error;
  }

  try {
    if (decoded.spans.length > 0) {
      protectLlmContent(decoded.spans, await runtime.ingestGate.contentMode(workspaceId));
      await ensureWorkspace(runtime.store, workspaceId);
      await runtime.writer.write(decoded.spans);
    }
  } catch (error) {
    if (error instanceof IngestOverloadedError) return overloaded(encoding);
    // The spans were not committed: tell the client to retry rather than lose them.
    console.error("[flowprint] storing spans failed", error);
    return statusResponse(encoding, 503, RPC.UNAVAILABLE, "Spans could not be stored; retry later.", { "retry-after": "2" });
  }

  return otlpResponse(encoding, 200, encodeExportResponse(encoding, { rejectedSpans: decoded.rejectedSpans, errorMessage: decoded.errorMessage }));
}

function overloaded(encoding: OtlpEncoding): Response {
  return statusResponse(encoding, 503, RPC.UNAVAILABLE, new IngestOverloadedError(1).message, { "retry-after": "1" });
}

/** Anything but POST on the OTLP paths. */
export function methodNotAllowed(): Response {
  return new Response(JSON.stringify({ code: RPC.UNIMPLEMENTED, message: "Use POST for OTLP/HTTP trace export." }), {
    status: 405,
    headers: { allow: "POST", "content-type": "application/json" },
  });
}
