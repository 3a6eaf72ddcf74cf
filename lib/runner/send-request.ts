// One request to the system under test, and what came back, kept for later placeholders.
import { describeFetchError } from "./describe-fetch-error";
import type { ConcreteRequest } from "./render-request";
import type { RecordedResponse } from "./render-template";

export type SendResult = { ok: true; response: RecordedResponse } | { ok: false; error: string };

/** The body as sent: a string as text, anything else as JSON, unless the file set a content-type. */
export function encodeBody(request: ConcreteRequest): { body: string | undefined; contentType: string | null } {
  // fetch cannot send a body with GET or HEAD.
  if (request.body === undefined || request.method === "GET" || request.method === "HEAD") return { body: undefined, contentType: null };
  const given = request.headers["content-type"] ?? null;
  if (typeof request.body === "string") return { body: request.body, contentType: given ?? "text/plain; charset=utf-8" };
  return { body: JSON.stringify(request.body), contentType: given ?? "application/json" };
}

export function parseResponseBody(text: string, contentType: string | null): unknown {
  if (!contentType || !/[/+]json\b/i.test(contentType) || text.trim() === "") return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function sendRequest(request: ConcreteRequest, traceHeaders: Record<string, string>, timeoutMs: number, fetchImpl: typeof fetch = fetch): Promise<SendResult> {
  const { body, contentType } = encodeBody(request);
  const headers = { ...request.headers, ...(contentType ? { "content-type": contentType } : {}), ...traceHeaders };
  try {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers,
      body,
      // The status a test expects is the one the system answers, a redirect included.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name.toLowerCase()] = value;
    });
    return { ok: true, response: { status: response.status, headers: responseHeaders, body: parseResponseBody(text, response.headers.get("content-type")) } };
  } catch (error) {
    return { ok: false, error: `${request.method} ${request.url} failed: ${describeFetchError(error)}` };
  }
}
