// Errors in the shape Jaeger's query service answers them, which its clients show.
import { TraceSearchQueryError } from "../traces/trace-search-query";
import { jsonResponse } from "./route-handler";

export function jaegerError(status: number, msg: string): Response {
  return jsonResponse({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: status, msg }] }, status);
}

/** Runs a Jaeger endpoint; a bad parameter is answered 400 naming it. */
export async function jaegerAnswer(work: () => Promise<unknown>): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TraceSearchQueryError) return jaegerError(400, error.message);
    throw error;
  }
}
