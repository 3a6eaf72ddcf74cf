// What a span recorded about an HTTP exchange beyond method and URL: captured request headers,
// bodies and integer fields, read the same way for a server's entry span and a client's calls.
import type { Attributes } from "../otlp/span";
import { readTextAttribute } from "./read-text-attribute";

// Headers that describe one connection or one trace, or carry credentials a test file must not
// hold; never the request's meaning.
const SKIPPED_HEADERS = new Set(["host", "content-length", "connection", "traceparent", "tracestate", "baggage", "authorization", "cookie", "accept-encoding", "user-agent", "transfer-encoding"]);

export function readInt(attributes: Attributes, keys: readonly string[]): number | null {
  for (const key of keys) {
    const v = attributes[key];
    if (typeof v === "number" && Number.isInteger(v)) return v;
    if (typeof v === "string" && /^\d+$/.test(v)) return Number(v);
  }
  return null;
}

export function readRequestHeaders(attributes: Attributes): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (!key.startsWith("http.request.header.")) continue;
    const name = key.slice("http.request.header.".length).toLowerCase();
    if (SKIPPED_HEADERS.has(name)) continue;
    // Captured headers are string arrays (one entry per occurrence).
    const text = Array.isArray(value) ? value.filter((v) => typeof v === "string").join(", ") : typeof value === "string" ? value : null;
    if (text) headers[name] = text;
  }
  return headers;
}

/** A recorded body: parsed when it is JSON, else its text; undefined when none was recorded. */
export function readBody(attributes: Attributes, direction: "request" | "response"): unknown {
  const text = readTextAttribute(attributes, [`http.${direction}.body`, `http.${direction}.body.content`]);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
