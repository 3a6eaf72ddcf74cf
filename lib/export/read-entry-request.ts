// What the representative trace recorded about the request that started it, read from the
// entry span's HTTP semantic-convention attributes (current keys first, then the older ones).
import type { Attributes } from "../otlp/span";
import { readTextAttribute } from "../traces/read-text-attribute";
import { readBody, readInt, readRequestHeaders } from "../traces/read-http-attributes";

export interface EntryRequest {
  method: string;
  /** The route template, e.g. `/orders/:id` or `/orders/{id}`; the path when there is none. */
  route: string;
  /** The concrete path of the recorded request, e.g. `/orders/o-123`. */
  path: string | null;
  query: string | null;
  /** scheme://host[:port] where the request was served, when recorded. */
  origin: string | null;
  headers: Record<string, string>;
  body: unknown;
  status: number | null;
}

/** The request as recorded, or null when the entry span is not an HTTP server span. */
export function readEntryRequest(attributes: Attributes, spanName: string): EntryRequest | null {
  const fromName = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (\/\S*)$/.exec(spanName);
  const method = (readTextAttribute(attributes, ["http.request.method", "http.method"]) ?? fromName?.[1])?.toUpperCase();
  if (!method) return null;
  const target = readTextAttribute(attributes, ["http.target"]);
  const path = readTextAttribute(attributes, ["url.path"]) ?? target?.split("?")[0] ?? null;
  const query = readTextAttribute(attributes, ["url.query"]) ?? (target?.includes("?") ? target.split("?").slice(1).join("?") : null);
  const route = readTextAttribute(attributes, ["http.route"]) ?? fromName?.[2] ?? path;
  if (!route) return null;
  const scheme = readTextAttribute(attributes, ["url.scheme", "http.scheme"]);
  const host = readTextAttribute(attributes, ["server.address", "net.host.name", "http.host"]);
  const port = readInt(attributes, ["server.port", "net.host.port"]);
  const defaultPort = (scheme === "https" && port === 443) || (scheme === "http" && port === 80);
  const origin = scheme && host ? `${scheme}://${host}${port && !defaultPort && !host.includes(":") ? `:${port}` : ""}` : null;
  return {
    method,
    route,
    path,
    query: query || null,
    origin,
    headers: readRequestHeaders(attributes),
    body: readBody(attributes, "request"),
    status: readInt(attributes, ["http.response.status_code", "http.status_code"]),
  };
}
