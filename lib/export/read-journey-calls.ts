// A representative trace whose root is not a server (a browser page, a mobile app, a script
// instrumented as a user journey) holds the requests a user sent, in order: the entry service's
// outermost HTTP client calls. Replaying them in the same order, with later requests reusing
// earlier responses, is the test.
import { SpanKind } from "../otlp/span";
import { readTextAttribute } from "../traces/read-text-attribute";
import { readBody, readInt, readRequestHeaders } from "../traces/read-http-attributes";
import type { TraceSpan } from "../traces/trace-span";

export type JourneySpan = Pick<TraceSpan, "spanId" | "parentSpanId" | "service" | "kind" | "name" | "startNs" | "attributes">;

export interface RecordedCall {
  method: string;
  /** scheme://host[:port] */
  origin: string;
  /** The concrete path, e.g. `/api/v1/orders/o-12`. */
  path: string;
  query: string | null;
  /** The callee's route template when its server span recorded one. */
  route: string | null;
  /** The service that served the call, when it reported a span. */
  calleeService: string | null;
  headers: Record<string, string>;
  /** Parsed JSON when the recorded text is JSON; undefined when nothing was recorded. */
  requestBody: unknown;
  responseBody: unknown;
  status: number | null;
}

const METHOD_KEYS = ["http.request.method", "http.method"];
const URL_KEYS = ["url.full", "http.url"];
function isHttpClient(span: JourneySpan): boolean {
  return span.kind === SpanKind.CLIENT && readTextAttribute(span.attributes, METHOD_KEYS) !== undefined && readTextAttribute(span.attributes, URL_KEYS) !== undefined;
}

/**
 * The journey's requests in the order they were sent, or null when the trace entered through a
 * server span (its one request is the entry span's own) or sent no HTTP request.
 */
export function readJourneyCalls(spans: readonly JourneySpan[], rootSpanId: string): RecordedCall[] | null {
  const root = spans.find((s) => s.spanId === rootSpanId);
  if (!root || root.kind === SpanKind.SERVER || readTextAttribute(root.attributes, ["http.route"]) !== undefined) return null;
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const children = new Map<string, JourneySpan[]>();
  for (const span of spans) {
    const siblings = children.get(span.parentSpanId);
    if (siblings) siblings.push(span);
    else children.set(span.parentSpanId, [span]);
  }

  // Outermost only: a retry library's inner attempt under an outer client span is one request.
  const hasClientAncestor = (span: JourneySpan): boolean => {
    for (let parent = byId.get(span.parentSpanId); parent; parent = byId.get(parent.parentSpanId)) {
      if (parent.service === root.service && isHttpClient(parent)) return true;
    }
    return false;
  };
  const calls = spans
    .filter((s) => s.service === root.service && isHttpClient(s) && !hasClientAncestor(s))
    .sort((a, b) => (a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0))
    .flatMap((span): RecordedCall[] => {
      let url: URL;
      try {
        url = new URL(readTextAttribute(span.attributes, URL_KEYS)!);
      } catch {
        return [];
      }
      const callee = (children.get(span.spanId) ?? []).find((c) => c.service !== root.service);
      return [
        {
          method: readTextAttribute(span.attributes, METHOD_KEYS)!.toUpperCase(),
          origin: url.origin,
          path: url.pathname,
          query: url.search ? url.search.slice(1) : null,
          route: callee ? (readTextAttribute(callee.attributes, ["http.route"]) ?? null) : null,
          calleeService: callee?.service ?? null,
          headers: readRequestHeaders(span.attributes),
          requestBody: readBody(span.attributes, "request"),
          responseBody: readBody(span.attributes, "response"),
          status: readInt(span.attributes, ["http.response.status_code", "http.status_code"]),
        },
      ];
    });
  return calls.length > 0 ? calls : null;
}
