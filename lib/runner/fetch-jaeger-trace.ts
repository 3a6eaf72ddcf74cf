// `GET {jaeger}/api/traces/{id}` of any Jaeger query service (the UI's own API, port 16686 by
// default; v1 and v2 answer the same JSON), for `flowprint export-trace --jaeger-url`.
import { describeFetchError } from "./describe-fetch-error";
import { notFoundMessage } from "./jaeger-eval-dataset";

export type JaegerAnswer = { ok: true; document: unknown } | { ok: false; message: string };

// A trace is one read from Jaeger's storage; longer than this is an outage, not a big trace.
const JAEGER_TIMEOUT_MS = 30_000;

/** Jaeger's error answers carry `{errors: [{code, msg}]}`. */
function jaegerErrorMessage(text: string): string | null {
  try {
    const first = (JSON.parse(text) as { errors?: { msg?: unknown }[] }).errors?.[0]?.msg;
    return typeof first === "string" && first !== "" ? first : null;
  } catch {
    return null;
  }
}

export async function fetchJaegerTrace(jaegerUrl: string, traceId: string, fetchImpl: typeof fetch = fetch): Promise<JaegerAnswer> {
  let response: Response;
  try {
    response = await fetchImpl(`${jaegerUrl}/api/traces/${traceId}`, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(JAEGER_TIMEOUT_MS) });
  } catch (error) {
    return { ok: false, message: `Jaeger at ${jaegerUrl} could not be reached: ${describeFetchError(error)}` };
  }
  const text = await response.text().catch(() => "");
  if (response.status === 404) return { ok: false, message: notFoundMessage(traceId, jaegerUrl) };
  if (!response.ok) {
    const detail = jaegerErrorMessage(text) ?? text.slice(0, 300).trim();
    return { ok: false, message: `Jaeger at ${jaegerUrl} answered ${response.status} ${response.statusText}${detail ? `: ${detail}` : ""}` };
  }
  try {
    return { ok: true, document: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: `Jaeger at ${jaegerUrl} answered with something other than JSON: is it the query service (the UI's address, port 16686 by default)?` };
  }
}
