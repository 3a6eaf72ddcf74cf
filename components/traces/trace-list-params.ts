// The traces list's state as it lives in the URL (shareable, and the back button restores it).

export const TRACE_PAGE_SIZE = 50;

export interface TraceListParams {
  /** A valid, lowercase trace id or "". */
  traceId: string;
  /** Root service or "". */
  service: string;
  errorsOnly: boolean;
  page: number;
}

export function readTraceListParams(search: URLSearchParams): TraceListParams {
  const traceId = (search.get("trace_id") ?? "").toLowerCase();
  const page = Number(search.get("page"));
  return {
    traceId: /^[0-9a-f]{32}$/.test(traceId) ? traceId : "",
    service: search.get("service") ?? "",
    errorsOnly: search.get("status") === "error",
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

function filterParams(p: TraceListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.traceId) out.set("trace_id", p.traceId);
  if (p.service) out.set("service", p.service);
  if (p.errorsOnly) out.set("status", "error");
  return out;
}

/** The page's own query string: "" for the defaults. */
export function writeTraceListParams(p: TraceListParams): string {
  const out = filterParams(p);
  if (p.page > 1) out.set("page", String(p.page));
  const text = out.toString();
  return text ? `?${text}` : "";
}

/** The query string for GET .../telemetry/traces. */
export function tracesApiQuery(p: TraceListParams): string {
  const out = filterParams(p);
  out.set("limit", String(TRACE_PAGE_SIZE));
  out.set("offset", String((p.page - 1) * TRACE_PAGE_SIZE));
  return `?${out}`;
}

export const hasTraceFilters = (p: TraceListParams) => p.traceId !== "" || p.service !== "" || p.errorsOnly;
