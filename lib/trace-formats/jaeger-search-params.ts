// Jaeger's /api/traces parameters (as its UI and Grafana's Jaeger data source send them) as a
// Flowprint trace search. Jaeger's conditions hold on one span, as Flowprint's span conditions
// do; its minDuration/maxDuration bound that span's duration, its start/end (microseconds)
// the trace's start.
import { TRACE_SEARCH_MAX_ATTRIBUTE_FILTERS, TRACE_SEARCH_MAX_LIMIT, TraceSearchQueryError, type AttributeFilter, type TraceSearchQuery } from "../traces/trace-search-query";

/** Jaeger's query service answers 20 traces unless asked otherwise. */
export const JAEGER_DEFAULT_LIMIT = 20;

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go duration as Jaeger takes it (`1.2s`, `150ms`, `1m30s`), in milliseconds. */
export function parseGoDuration(parameter: string, text: string): number {
  const parts = [...text.trim().matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text.trim()) {
    throw new TraceSearchQueryError(parameter, `"${text}" is not a duration such as 150ms, 1.5s or 2m`);
  }
  return parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * DURATION_UNITS[unit], 0);
}

function microsToMs(parameter: string, text: string): number {
  if (!/^\d{1,19}$/.test(text.trim())) throw new TraceSearchQueryError(parameter, `"${text}" is not a time in microseconds since the epoch`);
  return Math.floor(Number(text) / 1000);
}

/**
 * Tags as Jaeger takes them: `tags` a JSON object (`{"http.status_code":"500"}`), or repeated
 * `tag=key:value`. `error=true`, Jaeger's mark of a failed span, is OTLP's error status here.
 */
function tagsOf(params: URLSearchParams): { attributes: AttributeFilter[]; error: boolean } {
  const pairs: [string, string][] = [];
  const json = params.get("tags");
  if (json && json.trim() !== "") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new TraceSearchQueryError("tags", 'must be a JSON object such as {"http.status_code":"500"}');
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new TraceSearchQueryError("tags", "must be a JSON object of tag values");
    for (const [key, value] of Object.entries(parsed)) pairs.push([key, typeof value === "string" ? value : JSON.stringify(value)]);
  }
  for (const tag of params.getAll("tag")) {
    const colon = tag.indexOf(":");
    if (colon <= 0) throw new TraceSearchQueryError("tag", `"${tag}" is not key:value`);
    pairs.push([tag.slice(0, colon), tag.slice(colon + 1)]);
  }
  // Tags Jaeger derives from span fields rather than attributes: the error ones become the
  // status; span.kind has no attribute to match, so it is refused rather than ignored.
  if (pairs.some(([key]) => key === "span.kind")) throw new TraceSearchQueryError("tags", "searching by span.kind is not supported; search by service and operation");
  const isErrorTag = ([key, value]: [string, string]) => (key === "error" && value === "true") || (key === "otel.status_code" && value === "ERROR");
  const error = pairs.some(isErrorTag);
  const attributes = pairs.filter((pair) => !isErrorTag(pair)).map(([key, value]): AttributeFilter => ({ key, op: "equals", value }));
  if (attributes.length > TRACE_SEARCH_MAX_ATTRIBUTE_FILTERS) throw new TraceSearchQueryError("tags", `at most ${TRACE_SEARCH_MAX_ATTRIBUTE_FILTERS} tags`);
  return { attributes, error };
}

/** Throws TraceSearchQueryError naming the bad parameter (the route answers 400). */
export function jaegerSearchQuery(params: URLSearchParams, nowMs: number): TraceSearchQuery {
  const given = (name: string) => {
    const value = params.get(name)?.trim();
    return value ? value : undefined;
  };
  const { attributes, error } = tagsOf(params);
  const operation = given("operation");
  const minDuration = given("minDuration");
  const maxDuration = given("maxDuration");
  const start = given("start");
  const end = given("end");
  const lookback = given("lookback");
  const limitText = given("limit");
  const limit = limitText === undefined ? JAEGER_DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1) throw new TraceSearchQueryError("limit", `"${limitText}" is not a positive whole number`);
  const toMs = end !== undefined ? microsToMs("end", end) : undefined;
  // Without start, a lookback such as 1h counts back from end (or now); "custom" means start/end.
  const fromMs = start !== undefined ? microsToMs("start", start) : lookback !== undefined && lookback !== "custom" ? (toMs ?? nowMs) - parseGoDuration("lookback", lookback) : undefined;
  return {
    span: {
      service: given("service"),
      // Jaeger's UI sends "all" for any operation.
      operation: operation === undefined || operation === "all" ? undefined : operation,
      status: error ? "error" : undefined,
      attributes,
      minDurationMs: minDuration === undefined ? undefined : parseGoDuration("minDuration", minDuration),
      maxDurationMs: maxDuration === undefined ? undefined : parseGoDuration("maxDuration", maxDuration),
    },
    fromMs,
    // Jaeger's end is inclusive; Flowprint's `to` is not.
    toMs: toMs === undefined ? undefined : toMs + 1,
    limit: Math.min(limit, TRACE_SEARCH_MAX_LIMIT),
    offset: 0,
  };
}
