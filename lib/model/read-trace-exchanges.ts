// One sampled trace → what the model learns from it: each request an endpoint served (with
// what was recorded about it), each database call and message, and the instrumentation gaps
// of every service. Spans are attributed to the nearest endpoint above them.
import { SpanKind, type Attributes } from "../otlp/span";
import { readBody, readInt, readRequestHeaders } from "../traces/read-http-attributes";
import { readTextAttribute } from "../traces/read-text-attribute";
import type { TraceSpan } from "../traces/trace-span";
import type { ServiceGaps } from "./model-types";
import { readDatabaseOperation, type DatabaseOperation } from "./read-database-operation";

export type { ServiceGaps };

export interface EndpointKey {
  service: string;
  method: string;
  route: string;
}

export interface Exchange extends EndpointKey {
  traceId: string;
  spanId: string;
  startNs: bigint;
  endNs: bigint;
  status: number | null;
  durationMs: number;
  hasError: boolean;
  /** The recorded request path (`/orders/o-1`), when recorded. */
  path: string | null;
  query: Record<string, string>;
  headers: Record<string, string>;
  requestBody: unknown;
  responseBody: unknown;
  /** The `Location` response header, when captured. */
  location: string | null;
  /** The endpoint that called this one (nearest endpoint above it in the trace). */
  callerSpanId: string | null;
}

export interface DatabaseCall {
  traceId: string;
  service: string;
  /** The endpoint whose work it was, or null when no endpoint is above it. */
  ownerSpanId: string | null;
  operation: DatabaseOperation;
}

export interface MessageCall {
  traceId: string;
  service: string;
  ownerSpanId: string | null;
  topic: string;
  role: "produce" | "consume";
}

export interface TraceExchanges {
  exchanges: Exchange[];
  databaseCalls: DatabaseCall[];
  messages: MessageCall[];
  gaps: Map<string, ServiceGaps>;
}

const METHOD_KEYS = ["http.request.method", "http.method"];
const PEER_KEYS = ["peer.service", "server.address", "net.peer.name", "url.full", "http.url", "db.system.name", "db.system", "messaging.system", "rpc.service"];

/** The endpoint a server span serves: its HTTP route, else its RPC service and method. */
export function readEndpointKey(span: Pick<TraceSpan, "service" | "kind" | "name" | "attributes">): EndpointKey | null {
  const route = readTextAttribute(span.attributes, ["http.route"]);
  if (route !== undefined) {
    const method = readTextAttribute(span.attributes, METHOD_KEYS) ?? /^([A-Z]+) /.exec(span.name)?.[1];
    if (method) return { service: span.service, method: method.toUpperCase(), route };
  }
  if (span.kind !== SpanKind.SERVER) return null;
  // RPC semantic conventions: `rpc.service` + `rpc.method`, or (newer) `rpc.method` as `pkg.Service/Method`.
  const rpcMethod = readTextAttribute(span.attributes, ["rpc.method"]);
  if (rpcMethod === undefined) {
    // gRPC names its spans `package.Service/Method`, which some SDKs record with no rpc.* keys.
    return /^[\w]+(\.[\w]+)+\/\w+$/.test(span.name) ? { service: span.service, method: "POST", route: `/${span.name}` } : null;
  }
  const rpcService = readTextAttribute(span.attributes, ["rpc.service"]);
  const full = rpcMethod.includes("/") ? rpcMethod : rpcService ? `${rpcService}/${rpcMethod}` : null;
  return full ? { service: span.service, method: "POST", route: `/${full.replace(/^\//, "")}` } : null;
}

function readQuery(attributes: Attributes): Record<string, string> {
  const target = readTextAttribute(attributes, ["http.target"]);
  const url = readTextAttribute(attributes, ["url.full", "http.url"]);
  const query = readTextAttribute(attributes, ["url.query"]) ?? (target?.includes("?") ? target.slice(target.indexOf("?") + 1) : null) ?? (url?.includes("?") ? url.slice(url.indexOf("?") + 1) : null);
  if (!query) return {};
  const values: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) if (!Object.hasOwn(values, key)) values[key] = value;
  return values;
}

function readPath(attributes: Attributes): string | null {
  const path = readTextAttribute(attributes, ["url.path"]) ?? readTextAttribute(attributes, ["http.target"])?.split("?")[0];
  if (path) return path;
  const url = readTextAttribute(attributes, ["url.full", "http.url"]);
  if (!url) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

function readLocation(attributes: Attributes): string | null {
  const value = attributes["http.response.header.location"];
  if (Array.isArray(value)) return typeof value[0] === "string" ? value[0] : null;
  return typeof value === "string" ? value : null;
}

function emptyGaps(): ServiceGaps {
  return { serverSpans: 0, serverSpansWithoutRoute: 0, databaseSpans: 0, databaseSpansWithoutSystem: 0, clientSpans: 0, clientSpansWithoutPeer: 0 };
}

export function readTraceExchanges(spans: readonly TraceSpan[]): TraceExchanges {
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const children = new Map<string, TraceSpan[]>();
  for (const span of spans) {
    if (!span.parentSpanId) continue;
    const list = children.get(span.parentSpanId) ?? [];
    list.push(span);
    children.set(span.parentSpanId, list);
  }
  const endpointKeys = new Map<string, EndpointKey | null>(spans.map((span) => [span.spanId, readEndpointKey(span)]));
  const exchangeBySpan = new Map<string, Exchange>();

  // Walks up through parents; a loop in crafted parent links stops at the first repeat.
  const nearestEndpoint = (span: TraceSpan): string | null => {
    const seen = new Set<string>([span.spanId]);
    for (let parent = byId.get(span.parentSpanId); parent && !seen.has(parent.spanId); parent = byId.get(parent.parentSpanId)) {
      if (endpointKeys.get(parent.spanId)) return parent.spanId;
      seen.add(parent.spanId);
    }
    return null;
  };
  const ownerOf = (span: TraceSpan): string | null => {
    const id = nearestEndpoint(span);
    // A framework span nested in the server span of the same request (Next.js records both)
    // is the same exchange.
    return id === null ? null : (mergedInto.get(id) ?? id);
  };
  const mergedInto = new Map<string, string>();

  const ordered = [...spans].sort((a, b) => (a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0));
  const exchanges: Exchange[] = [];
  for (const span of ordered) {
    const key = endpointKeys.get(span.spanId);
    if (!key) continue;
    const callerSpanId = ownerOf(span);
    const caller = callerSpanId ? exchangeBySpan.get(callerSpanId) : undefined;
    const attributes = span.attributes;
    const status = readInt(attributes, ["http.response.status_code", "http.status_code"]);
    if (caller && caller.service === key.service && caller.method === key.method && caller.route === key.route) {
      mergedInto.set(span.spanId, caller.spanId);
      caller.status ??= status;
      caller.path ??= readPath(attributes);
      if (caller.requestBody === undefined) caller.requestBody = readBody(attributes, "request");
      if (caller.responseBody === undefined) caller.responseBody = readBody(attributes, "response");
      continue;
    }
    const exchange: Exchange = {
      ...key,
      traceId: span.traceId,
      spanId: span.spanId,
      startNs: span.startNs,
      endNs: span.endNs,
      status,
      durationMs: Number(span.endNs - span.startNs) / 1e6,
      hasError: span.status === "error",
      path: readPath(attributes),
      query: readQuery(attributes),
      headers: readRequestHeaders(attributes),
      requestBody: readBody(attributes, "request"),
      responseBody: readBody(attributes, "response"),
      location: readLocation(attributes),
      callerSpanId,
    };
    exchangeBySpan.set(span.spanId, exchange);
    exchanges.push(exchange);
  }

  const databaseCalls: DatabaseCall[] = [];
  const messages: MessageCall[] = [];
  const gaps = new Map<string, ServiceGaps>();
  const gapsOf = (service: string) => {
    let g = gaps.get(service);
    if (!g) gaps.set(service, (g = emptyGaps()));
    return g;
  };
  for (const span of ordered) {
    const attributes = span.attributes;
    const g = gapsOf(span.service);
    const operation = readDatabaseOperation(attributes, span.name);
    const statement = readTextAttribute(attributes, ["db.query.text", "db.statement"]);
    if (operation) {
      g.databaseSpans++;
      databaseCalls.push({ traceId: span.traceId, service: span.service, ownerSpanId: ownerOf(span), operation });
    } else if (statement !== undefined) {
      g.databaseSpans++;
      g.databaseSpansWithoutSystem++;
    }
    const topic = readTextAttribute(attributes, ["messaging.destination.name", "messaging.destination"]);
    if (topic !== undefined && (span.kind === SpanKind.PRODUCER || span.kind === SpanKind.CONSUMER)) {
      messages.push({ traceId: span.traceId, service: span.service, ownerSpanId: ownerOf(span), topic, role: span.kind === SpanKind.PRODUCER ? "produce" : "consume" });
    }
    if (span.kind === SpanKind.SERVER) {
      g.serverSpans++;
      if (!endpointKeys.get(span.spanId)) g.serverSpansWithoutRoute++;
    }
    if (span.kind === SpanKind.CLIENT && !operation) {
      const answered = (children.get(span.spanId) ?? []).some((child) => child.service !== span.service);
      if (!answered) {
        g.clientSpans++;
        if (readTextAttribute(attributes, PEER_KEYS) === undefined) g.clientSpansWithoutPeer++;
      } else g.clientSpans++;
    }
  }
  return { exchanges, databaseCalls, messages, gaps };
}
