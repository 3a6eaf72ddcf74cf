// Zipkin's collector API (POST /api/v2/spans), so Zipkin reporters (Brave, zipkin-go, Envoy,
// OpenTelemetry's Zipkin exporter) send to Flowprint unchanged. Answers as Zipkin does: 202 with
// no body once stored, a plain-text reason otherwise. Who may write, the admission limit and
// storing are ingest-trace-export's, shared with OTLP; the body limit and gzip are OTLP's.
import { parseContentType } from "../otlp";
import { bodyErrorStatus, readRequestBody } from "../http/read-body";
import { decodeImportedRequests, formatImportProblem, readZipkinBatch } from "../trace-formats";
import { admitCaller, storeDecoded, withAdmission, type IngestOutcome, type IngestRefusal } from "./ingest-trace-export";
import { getRuntime } from "./runtime";

function plainText(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", ...headers } });
}

function refusalText(refusal: IngestRefusal): Response {
  return plainText(refusal.httpStatus, refusal.message, refusal.retryAfterSeconds ? { "retry-after": String(refusal.retryAfterSeconds) } : {});
}

/** Zipkin reads a body without a Content-Type as JSON; its proto3 and Thrift encodings are not read here. */
function unsupportedContentType(header: string | null): Response | null {
  if (header === null || parseContentType(header) === "json") return null;
  if (parseContentType(header) === "protobuf") {
    return plainText(415, "Flowprint's Zipkin endpoint takes JSON only: send Zipkin v2 JSON as application/json (set the reporter's encoding to JSON).");
  }
  return plainText(415, `Unsupported Content-Type "${header.slice(0, 80)}": send Zipkin v2 JSON as application/json.`);
}

export async function receiveZipkinSpans(request: Request): Promise<Response> {
  const unsupported = unsupportedContentType(request.headers.get("content-type"));
  if (unsupported) return unsupported;
  const admitted = await admitCaller("zipkin", { workspaceHeader: request.headers.get("x-workspace-id"), authorization: request.headers.get("authorization") });
  if (!admitted.ok) return refusalText(admitted);
  // Refused early, before reading the body, when too much is already under way.
  const outcome = await withAdmission("zipkin", async (): Promise<IngestOutcome | Response> => {
    let body: Uint8Array;
    try {
      body = await readRequestBody(request, getRuntime().config.maxBodyBytes);
    } catch (error) {
      const status = bodyErrorStatus(error);
      if (status === undefined) throw error;
      return plainText(status, (error as Error).message);
    }
    const batch = readZipkinBatch(new TextDecoder().decode(body));
    if (!batch.ok) return plainText(400, batch.reason);
    const decoded = decodeImportedRequests(batch.requests, admitted.workspaceId, Date.now());
    // As for a span that cannot be read: Zipkin refuses the batch rather than store part of it.
    if (decoded.rejectedSpans > 0) return plainText(400, decoded.problems.map(formatImportProblem).join("\n"));
    return storeDecoded("zipkin", { spans: decoded.spans, rejectedSpans: 0, errorMessage: "" }, admitted.workspaceId);
  });
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return refusalText(outcome);
  return new Response(null, { status: 202 });
}

/** Anything but POST: Flowprint takes spans here and does not serve Zipkin's query API. */
export function zipkinMethodNotAllowed(): Response {
  return plainText(405, "Use POST to send spans; Flowprint does not serve Zipkin's query API.", { allow: "POST" });
}
