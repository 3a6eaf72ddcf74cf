// Trace search: the query object GET .../telemetry/traces reads from its URL, and a
// Jaeger-compatible /api/traces can build from its own parameters.
//
// Semantics, the same on every store:
// - The span conditions (service, operation, status, attributes, span duration) must all hold on
//   one span of the trace, any span, not only the root, as in Jaeger's search:
//   `service=payments&attr=http.response.status_code:502` finds traces where a payments span
//   answered 502, not traces where some span is from payments and another answered 502.
// - `from`/`to` select traces by start, [from, to); a span condition is met only by a span that
//   also started before `to` (a span after `to` belongs to a long trace's tail, and keeping
//   span scans inside [from, to) is what lets them use the index).
// - `min_duration_ms`/`max_duration_ms` bound the trace's duration (its earliest span start to its
//   latest span end), inclusive: the value the result's `duration_ms` and its scatter show.
//   Jaeger's minDuration/maxDuration bound the matching span's duration: SpanConditions.
import { z } from "zod";
import { formatAttributeFilter, parseAttributeFilter, type AttributeFilter } from "./trace-search-attribute";

export type { AttributeFilter };

export const SEARCH_SPAN_STATUSES = ["unset", "ok", "error"] as const;
export type SearchSpanStatus = (typeof SEARCH_SPAN_STATUSES)[number];

/** What one span of a matching trace shows, all together. Nothing set: no span condition. */
export interface SpanConditions {
  service?: string;
  operation?: string;
  status?: SearchSpanStatus;
  attributes: AttributeFilter[];
  /** The span's own duration, inclusive bounds (Jaeger's minDuration/maxDuration). */
  minDurationMs?: number;
  maxDurationMs?: number;
}

export interface TraceSearchQuery {
  /** Only this trace (32 lowercase hex digits), if it meets the other conditions. */
  traceId?: string;
  span: SpanConditions;
  /** Trace start, epoch ms: from inclusive, to exclusive. */
  fromMs?: number;
  toMs?: number;
  /** Trace duration, inclusive bounds. */
  minDurationMs?: number;
  maxDurationMs?: number;
  /** Newest first; `offset` matches skipped. */
  limit: number;
  offset: number;
}

export const TRACE_SEARCH_DEFAULT_LIMIT = 50;
export const TRACE_SEARCH_MAX_LIMIT = 1000;
export const TRACE_SEARCH_MAX_OFFSET = 1_000_000;
/** More filters than anyone types; a bound on the statement the store builds. */
export const TRACE_SEARCH_MAX_ATTRIBUTE_FILTERS = 20;

/** A bad query parameter: the route answers 400 naming it. */
export class TraceSearchQueryError extends Error {
  constructor(
    readonly parameter: string,
    readonly reason: string,
  ) {
    super(`Invalid ${parameter}: ${reason}`);
    this.name = "TraceSearchQueryError";
  }
}

/** The parameters parseTraceSearchQuery reads; any other is ignored (page state such as `page`). */
export const TRACE_SEARCH_PARAMETERS = ["trace_id", "service", "operation", "attr", "status", "min_duration_ms", "max_duration_ms", "from", "to", "limit", "offset"] as const;

const isoDateTime = z.iso.datetime({ offset: true });

/**
 * The query in `params`, validated. Empty values count as not given (a form's blank field).
 * Every parameter is single except `attr`, which repeats (all filters hold). `from` and `to`
 * are epoch milliseconds or ISO 8601 date-times with a zone (`2026-12-06T10:00:00Z`), as
 * elsewhere in the API. Throws TraceSearchQueryError naming the first bad parameter.
 */
export function parseTraceSearchQuery(params: URLSearchParams): TraceSearchQuery {
  const single = (name: string): string | undefined => {
    const values = params.getAll(name).filter((v) => v.trim() !== "");
    if (values.length > 1) throw new TraceSearchQueryError(name, "must be given once");
    return values[0]?.trim();
  };
  const text = (name: string, max: number): string | undefined => {
    const value = single(name);
    if (value !== undefined && value.length > max) throw new TraceSearchQueryError(name, `must be at most ${max} characters`);
    return value;
  };

  const traceId = single("trace_id");
  if (traceId !== undefined && !/^[0-9a-fA-F]{32}$/.test(traceId)) throw new TraceSearchQueryError("trace_id", "must be 32 hexadecimal characters");

  const status = single("status");
  if (status !== undefined && !(SEARCH_SPAN_STATUSES as readonly string[]).includes(status)) throw new TraceSearchQueryError("status", "must be unset, ok or error");

  const attrs = params.getAll("attr").filter((v) => v.trim() !== "");
  if (attrs.length > TRACE_SEARCH_MAX_ATTRIBUTE_FILTERS) throw new TraceSearchQueryError("attr", `at most ${TRACE_SEARCH_MAX_ATTRIBUTE_FILTERS} attribute filters`);
  const attributes = attrs.map((attr) => {
    const parsed = parseAttributeFilter(attr);
    if (!parsed.ok) throw new TraceSearchQueryError("attr", parsed.reason);
    return parsed.filter;
  });

  const minDurationMs = duration(single("min_duration_ms"), "min_duration_ms");
  const maxDurationMs = duration(single("max_duration_ms"), "max_duration_ms");
  if (minDurationMs !== undefined && maxDurationMs !== undefined && maxDurationMs < minDurationMs) {
    throw new TraceSearchQueryError("max_duration_ms", "must not be less than min_duration_ms");
  }
  const fromMs = instant(single("from"), "from");
  const toMs = instant(single("to"), "to");
  if (fromMs !== undefined && toMs !== undefined && toMs <= fromMs) throw new TraceSearchQueryError("to", "must be after from");

  const service = text("service", 256);
  const operation = text("operation", 1024);
  return {
    ...(traceId !== undefined ? { traceId: traceId.toLowerCase() } : {}),
    span: {
      ...(service !== undefined ? { service } : {}),
      ...(operation !== undefined ? { operation } : {}),
      ...(status !== undefined ? { status: status as SearchSpanStatus } : {}),
      attributes,
    },
    ...(fromMs !== undefined ? { fromMs } : {}),
    ...(toMs !== undefined ? { toMs } : {}),
    ...(minDurationMs !== undefined ? { minDurationMs } : {}),
    ...(maxDurationMs !== undefined ? { maxDurationMs } : {}),
    limit: integer(single("limit"), "limit", 1, TRACE_SEARCH_MAX_LIMIT) ?? TRACE_SEARCH_DEFAULT_LIMIT,
    offset: integer(single("offset"), "offset", 0, TRACE_SEARCH_MAX_OFFSET) ?? 0,
  };
}

function integer(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new TraceSearchQueryError(name, "must be a whole number");
  const n = Number(value);
  if (n < min || n > max) throw new TraceSearchQueryError(name, `must be between ${min} and ${max}`);
  return n;
}

/** Milliseconds, fractions allowed (0.5 is 500 µs). */
function duration(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value)) throw new TraceSearchQueryError(name, "must be a number of milliseconds, 0 or more");
  const n = Number(value);
  // A day in nanoseconds is far inside 2^63; ten years bounds what a duration can mean.
  if (n > 10 * 365 * 86_400_000) throw new TraceSearchQueryError(name, "must be at most ten years");
  return n;
}

function instant(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) : isoDateTime.safeParse(value).success ? Date.parse(value) : NaN;
  // Nanoseconds of the year 2262 overflow a signed 64-bit integer.
  if (!Number.isSafeInteger(ms) || ms > 9_000_000_000_000) throw new TraceSearchQueryError(name, "must be epoch milliseconds or an ISO 8601 date-time with a time zone");
  return ms;
}

/** True when the query asks for nothing of spans: every trace of the time range qualifies on that score. */
export function hasSpanConditions(span: SpanConditions): boolean {
  return (
    span.service !== undefined ||
    span.operation !== undefined ||
    span.status !== undefined ||
    span.attributes.length > 0 ||
    span.minDurationMs !== undefined ||
    span.maxDurationMs !== undefined
  );
}

/**
 * The query as the URL parameters parseTraceSearchQuery reads back (the page keeps its query in
 * its URL). Span durations have no URL parameter: only the Jaeger API sets them.
 */
export function traceSearchParams(query: TraceSearchQuery): URLSearchParams {
  const out = new URLSearchParams();
  if (query.traceId) out.set("trace_id", query.traceId);
  if (query.span.service !== undefined) out.set("service", query.span.service);
  if (query.span.operation !== undefined) out.set("operation", query.span.operation);
  for (const filter of query.span.attributes) out.append("attr", formatAttributeFilter(filter));
  if (query.span.status !== undefined) out.set("status", query.span.status);
  if (query.minDurationMs !== undefined) out.set("min_duration_ms", String(query.minDurationMs));
  if (query.maxDurationMs !== undefined) out.set("max_duration_ms", String(query.maxDurationMs));
  if (query.fromMs !== undefined) out.set("from", String(query.fromMs));
  if (query.toMs !== undefined) out.set("to", String(query.toMs));
  if (query.limit !== TRACE_SEARCH_DEFAULT_LIMIT) out.set("limit", String(query.limit));
  if (query.offset !== 0) out.set("offset", String(query.offset));
  return out;
}
