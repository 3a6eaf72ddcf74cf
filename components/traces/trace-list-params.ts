// The traces list's query as it lives in the URL (shareable, and the back button restores it).
// The names are the search API's own (lib/traces/trace-search-query.ts), so a page URL reads like
// the request it makes; only `since` (a relative range) and `page` are the page's.
import type { SearchSpanStatus } from "@/lib/traces/trace-search-query";
import { traceTimeRange, type TraceTimeRangeId } from "./trace-time-ranges";

export const TRACE_PAGE_SIZE = 50;

export const TRACE_STATUSES = ["error", "ok", "unset"] as const satisfies readonly SearchSpanStatus[];

export interface TraceListParams {
  /** A valid, lowercase trace id or "". */
  traceId: string;
  /** A span of the trace, any span, is from this service; "" for any. */
  service: string;
  /** A span's name (with `service`, that service's span); "" for any. */
  operation: string;
  /** Attribute filters as written (`key:value`, `key!=value`, `key exists`); all must hold. */
  attrs: string[];
  status: SearchSpanStatus | "";
  /**
   * Trace duration bounds in ms, as written ("" for none). Text, not numbers: a bad value from a
   * shared link goes to the server, whose 400 names the field, instead of vanishing here.
   */
  minDurationMs: string;
  maxDurationMs: string;
  /** "" for all time. */
  since: TraceTimeRangeId | "";
  /** Only traces that started before this instant (ISO 8601), set by "Search further back"; "" for up to now. */
  to: string;
  page: number;
}

/** Every filter off: what "Clear filters" sets. */
export const NO_TRACE_FILTERS = {
  traceId: "",
  service: "",
  operation: "",
  attrs: [],
  status: "",
  minDurationMs: "",
  maxDurationMs: "",
  since: "",
  to: "",
} as const satisfies Omit<TraceListParams, "page">;

export function readTraceListParams(search: URLSearchParams): TraceListParams {
  const text = (name: string) => (search.get(name) ?? "").trim();
  const traceId = text("trace_id").toLowerCase();
  const status = text("status");
  const page = Number(search.get("page"));
  return {
    traceId: /^[0-9a-f]{32}$/.test(traceId) ? traceId : "",
    service: text("service"),
    operation: text("operation"),
    attrs: search
      .getAll("attr")
      .map((attr) => attr.trim())
      .filter((attr) => attr !== ""),
    status: TRACE_STATUSES.find((s) => s === status) ?? "",
    minDurationMs: text("min_duration_ms"),
    maxDurationMs: text("max_duration_ms"),
    since: traceTimeRange(text("since"))?.id ?? "",
    to: text("to"),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The conditions both the page URL and the API query carry. */
function conditionParams(p: TraceListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.traceId) out.set("trace_id", p.traceId);
  if (p.service) out.set("service", p.service);
  if (p.operation) out.set("operation", p.operation);
  for (const attr of p.attrs) out.append("attr", attr);
  if (p.status) out.set("status", p.status);
  if (p.minDurationMs) out.set("min_duration_ms", p.minDurationMs);
  if (p.maxDurationMs) out.set("max_duration_ms", p.maxDurationMs);
  return out;
}

/** The page's own query string: "" for the defaults. */
export function writeTraceListParams(p: TraceListParams): string {
  const out = conditionParams(p);
  if (p.since) out.set("since", p.since);
  if (p.to) out.set("to", p.to);
  if (p.page > 1) out.set("page", String(p.page));
  const text = out.toString();
  return text ? `?${text}` : "";
}

/** The query string for GET .../telemetry/traces, the relative range made absolute at `nowMs`. */
export function tracesApiQuery(p: TraceListParams, nowMs: number): string {
  const out = conditionParams(p);
  const range = traceTimeRange(p.since);
  if (range) out.set("from", String(nowMs - range.ms));
  if (p.to) out.set("to", p.to);
  out.set("limit", String(TRACE_PAGE_SIZE));
  out.set("offset", String((p.page - 1) * TRACE_PAGE_SIZE));
  return `?${out}`;
}

export const hasTraceFilters = (p: TraceListParams) => writeTraceListParams({ ...p, page: 1 }) !== "";
