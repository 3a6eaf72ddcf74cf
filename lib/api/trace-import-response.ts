// An import's answer as HTTP: the result as it is (200, or 422 when nothing could be imported),
// or the API's error shape with Retry-After when the caller should send the file again later.
import type { TraceImportAnswer } from "../pipeline/receive-trace-import";
import { errorBody } from "./errors";
import { jsonResponse } from "./route-handler";

export function traceImportResponse(answer: TraceImportAnswer): Response {
  if (answer.ok) return jsonResponse(answer.result, answer.status);
  const headers: Record<string, string> = answer.retryAfterSeconds ? { "retry-after": String(answer.retryAfterSeconds) } : {};
  return Response.json(errorBody(answer.code, answer.message), { status: answer.status, headers });
}
