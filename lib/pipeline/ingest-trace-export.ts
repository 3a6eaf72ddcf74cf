// The one way spans come in, whatever carries them (OTLP/HTTP, OTLP/gRPC, the Zipkin endpoint,
// file imports): who may write where, whether the workspace takes spans, whether there is room,
// then decoding and the span writer. Each transport maps the outcome to its own status codes.
import { decodeTraceRequest, OtlpDecodeError, type DecodedTraces, type OtlpEncoding } from "../otlp";
import { ensureWorkspace } from "../store/workspace-repository";
import { resolveIngestWorkspace } from "../workspaces/resolve-ingest-workspace";
import { protectLlmContent } from "./protect-llm-content";
import { getRuntime } from "./runtime";
import { errorFields, logger } from "../http/logger";
import { metrics, type IngestTransport } from "./metrics";
import { IngestOverloadedError } from "./span-writer";

// google.rpc.Code values: gRPC answers with them, OTLP/HTTP puts them in its Status bodies.
export const RPC = { INVALID_ARGUMENT: 3, PERMISSION_DENIED: 7, RESOURCE_EXHAUSTED: 8, UNIMPLEMENTED: 12, UNAVAILABLE: 14, UNAUTHENTICATED: 16 } as const;

export interface IngestRefusal {
  ok: false;
  /** For /metrics: unauthenticated, forbidden, disabled, invalid_request, too_large, unsupported, overloaded, store_failed. */
  reason: string;
  httpStatus: number;
  rpcCode: number;
  message: string;
  /** When the client should try again (overload, a failed write); absent for refusals a retry will not fix. */
  retryAfterSeconds?: number;
}

export type IngestOutcome = { ok: true; rejectedSpans: number; errorMessage: string } | IngestRefusal;

export interface IngestCaller {
  workspaceHeader: string | null;
  authorization: string | null;
}

export const refusal = (reason: string, httpStatus: number, rpcCode: number, message: string, retryAfterSeconds?: number): IngestRefusal => ({
  ok: false,
  reason,
  httpStatus,
  rpcCode,
  message,
  ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
});

const overloadedRefusal = (): IngestRefusal => refusal("overloaded", 503, RPC.UNAVAILABLE, new IngestOverloadedError(1).message, 1);

/** Counts a refusal in /metrics and hands it back. */
export function refused(transport: IngestTransport, answer: IngestRefusal): IngestRefusal {
  metrics().requestsRefused.inc({ transport, reason: answer.reason });
  return answer;
}

/** The workspace the caller writes to, or why not; checked before reading a body. */
export async function admitCaller(transport: IngestTransport, caller: IngestCaller): Promise<{ ok: true; workspaceId: string } | IngestRefusal> {
  const runtime = getRuntime();
  const access = resolveIngestWorkspace(caller, await runtime.keyring.current());
  if (!access.ok) {
    const [reason, code] = access.status === 400 ? ["invalid_request", RPC.INVALID_ARGUMENT] : access.status === 401 ? ["unauthenticated", RPC.UNAUTHENTICATED] : ["forbidden", RPC.PERMISSION_DENIED];
    return refused(transport, refusal(reason, access.status, code, access.message));
  }
  if (await runtime.ingestGate.isDisabled(access.workspaceId)) {
    return refused(transport, refusal("disabled", 403, RPC.PERMISSION_DENIED, `Telemetry ingestion is disabled for workspace "${access.workspaceId}" (settings: enabled = false).`));
  }
  return { ok: true, workspaceId: access.workspaceId };
}

/**
 * Runs `work` inside the admission limit; overloaded when too much is already under way, so a
 * transport can refuse before it reads a body.
 */
export async function withAdmission<T>(transport: IngestTransport, work: () => Promise<T>): Promise<T | IngestRefusal> {
  const runtime = getRuntime();
  if (runtime.writer.isOverloaded() || !runtime.admission.tryEnter()) return refused(transport, overloadedRefusal());
  try {
    return await work();
  } finally {
    runtime.admission.leave();
  }
}

/** Decodes an ExportTraceServiceRequest (already decompressed) and stores its spans. */
export async function ingestTraceExport(transport: IngestTransport, body: Uint8Array, encoding: OtlpEncoding, workspaceId: string): Promise<IngestOutcome> {
  let decoded: DecodedTraces;
  try {
    decoded = decodeTraceRequest(body, encoding, workspaceId);
  } catch (error) {
    if (error instanceof OtlpDecodeError) return refused(transport, refusal("invalid_request", 400, RPC.INVALID_ARGUMENT, error.message));
    throw error;
  }
  return storeDecoded(transport, decoded, workspaceId);
}

/** Stores spans already decoded; a failed write asks the client to retry rather than lose them. */
export async function storeDecoded(transport: IngestTransport, decoded: DecodedTraces, workspaceId: string): Promise<IngestOutcome> {
  const runtime = getRuntime();
  const counters = metrics();
  counters.spansReceived.inc({ transport }, decoded.spans.length + decoded.rejectedSpans);
  if (decoded.rejectedSpans > 0) counters.spansRejected.inc({ transport, reason: "invalid" }, decoded.rejectedSpans);
  try {
    if (decoded.spans.length > 0) {
      protectLlmContent(decoded.spans, await runtime.ingestGate.contentMode(workspaceId));
      await ensureWorkspace(runtime.store, workspaceId);
      await runtime.writer.write(decoded.spans);
    }
  } catch (error) {
    const answer = error instanceof IngestOverloadedError ? overloadedRefusal() : refusal("store_failed", 503, RPC.UNAVAILABLE, "Spans could not be stored; retry later.", 2);
    if (answer.reason === "store_failed") logger.error({ transport, workspace: workspaceId, spans: decoded.spans.length, ...errorFields(error) }, "storing spans failed");
    counters.spansRejected.inc({ transport, reason: answer.reason }, decoded.spans.length);
    return refused(transport, answer);
  }
  counters.spansAccepted.inc({ transport }, decoded.spans.length);
  return { ok: true, rejectedSpans: decoded.rejectedSpans, errorMessage: decoded.errorMessage };
}
