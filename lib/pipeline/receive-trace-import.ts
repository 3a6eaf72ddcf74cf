// The HTTP side of a trace file import: the workspace's ingest switch, the admission limit and
// body limit OTLP has, and gzip either announced (Content-Encoding) or as the file's own bytes
// (a .json.gz sent as it is). The import itself is import-trace-file's.
import { bodyErrorStatus, decodeContentEncoding, readRequestBody } from "../http/read-body";
import { importedNothing, importTraceFileInto, type TraceImportResult } from "./import-trace-file";
import { withAdmission, type IngestRefusal } from "./ingest-trace-export";
import { getRuntime } from "./runtime";

export type TraceImportAnswer =
  | { ok: true; status: 200 | 422; result: TraceImportResult }
  | { ok: false; status: number; code: string; message: string; retryAfterSeconds?: number };

const BODY_ERROR_CODES = { 400: "invalid_body", 413: "payload_too_large", 415: "unsupported_media_type" } as const;

export async function receiveTraceImport(request: Request, workspaceId: string, fileName: string | undefined): Promise<TraceImportAnswer> {
  const runtime = getRuntime();
  if (await runtime.ingestGate.isDisabled(workspaceId)) {
    return { ok: false, status: 409, code: "ingestion_disabled", message: `Telemetry ingestion is disabled for workspace "${workspaceId}" (settings: enabled = false): turn it on to import.` };
  }
  const outcome = await withAdmission("import", async (): Promise<TraceImportAnswer> => {
    const limit = runtime.config.maxBodyBytes;
    let bytes: Uint8Array;
    try {
      bytes = await readRequestBody(request, limit);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = await decodeContentEncoding(bytes, "gzip", limit);
    } catch (error) {
      const status = bodyErrorStatus(error);
      if (status === undefined) throw error;
      return { ok: false, status, code: BODY_ERROR_CODES[status], message: (error as Error).message };
    }
    // The text is read decompressed: "spans.jsonl.gz" names JSON Lines for detection.
    const imported = await importTraceFileInto(workspaceId, bytes, { fileName: fileName?.replace(/\.gz$/i, "") });
    if (!imported.ok) return refused(imported);
    return { ok: true, status: importedNothing(imported.result) ? 422 : 200, result: imported.result };
  });
  return "httpStatus" in outcome ? refused(outcome) : outcome;
}

/** Overload, or spans that could not be stored: the caller sends the whole file again later. */
function refused(refusal: IngestRefusal): TraceImportAnswer {
  return { ok: false, status: refusal.httpStatus, code: "unavailable", message: refusal.message, ...(refusal.retryAfterSeconds ? { retryAfterSeconds: refusal.retryAfterSeconds } : {}) };
}
