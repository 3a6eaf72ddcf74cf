// GET /api/v1/workspaces/:ws/telemetry/traces and .../traces/:traceId: query and response shapes.
import { z } from "zod";
import type { TraceSearchResultView } from "../store/trace-search";
import type { TraceSummaryView, TraceTreeSpanView, TraceWithTreeView } from "../store/trace-queries";
import {
  parseTraceSearchQuery,
  SEARCH_SPAN_STATUSES,
  TRACE_SEARCH_DEFAULT_LIMIT,
  TRACE_SEARCH_MAX_ATTRIBUTE_FILTERS,
  TRACE_SEARCH_MAX_LIMIT,
  TRACE_SEARCH_MAX_OFFSET,
  TraceSearchQueryError,
  type TraceSearchQuery,
} from "../traces/trace-search-query";
import { ApiError } from "./errors";
import type { TraceDiagnosisView } from "./trace-diagnosis-view";

export type { TraceSearchResultView, TraceSummaryView };

/**
 * GET .../telemetry/traces with search filters (lib/traces/trace-search-query.ts): the query,
 * or a 400 naming the bad parameter, shaped as a zod failure is (`issues[0].path`). Takes the
 * URLSearchParams themselves: `attr` repeats, which searchParamsObject would collapse.
 */
export function traceSearchQueryOf(params: URLSearchParams): TraceSearchQuery {
  try {
    return parseTraceSearchQuery(params);
  } catch (error) {
    if (error instanceof TraceSearchQueryError) throw new ApiError(400, "invalid_request", error.message, [{ path: error.parameter, message: error.reason }]);
    throw error;
  }
}

/** The search's answer: `{traces, total, has_more, searched_back_to}` (see TraceSearchResultView). */
export type TraceSearchResponse = TraceSearchResultView;

const instantText = z.union([z.string().regex(/^\d+$/), z.iso.datetime({ offset: true })]);

/**
 * The search's parameters as the OpenAPI document describes them (lib/api/openapi/operations).
 * traceSearchQueryOf parses them; a test holds the two to the same answers. Cross-field rules
 * (to after from, max after min) are the parser's alone, as JSON Schema cannot say them.
 */
export const traceSearchQuerySchema = z.object({
  trace_id: z.string().regex(/^[0-9a-fA-F]{32}$/).optional().describe("Only this trace, if it meets the other conditions."),
  service: z.string().max(256).optional().describe("A span of the trace, any span, is from this service."),
  operation: z.string().max(1024).optional().describe("A span of the trace has this name; with `service`, the same span."),
  attr: z
    .union([z.string(), z.array(z.string()).max(TRACE_SEARCH_MAX_ATTRIBUTE_FILTERS)])
    .optional()
    .describe(
      "Repeatable; all must hold, on the span that meets service and operation: `key:value`, `key!=value` (the key present with another value), `key exists`. " +
        'The value runs to the end, `:` and spaces included; quote a key holding `:` or `!=`, or a value with outer spaces, as a JSON string (`"aws:region":eu`). ' +
        "Numbers and booleans match by their JSON text (`http.response.status_code:500`). A span without the key is matched by its resource's attribute.",
    ),
  status: z.enum(SEARCH_SPAN_STATUSES).optional().describe("A span of the trace has this status; `error`: the trace has an error span."),
  min_duration_ms: z.string().regex(/^\d+(\.\d+)?$/).optional().describe("The trace took at least this long (first span start to last span end)."),
  max_duration_ms: z.string().regex(/^\d+(\.\d+)?$/).optional().describe("The trace took at most this long."),
  from: instantText.optional().describe("The trace started at or after this: epoch milliseconds or an ISO 8601 date-time with a zone."),
  to: instantText.optional().describe("The trace started before this; span conditions are met by spans that started before it too."),
  limit: z.coerce.number().int().min(1).max(TRACE_SEARCH_MAX_LIMIT).default(TRACE_SEARCH_DEFAULT_LIMIT),
  offset: z.coerce.number().int().min(0).max(TRACE_SEARCH_MAX_OFFSET).default(0),
});


/** GET .../traces/:traceId: the trace with its span tree, and its diagnosis read from those spans. */
export type TraceDetail = TraceWithTreeView & TraceDiagnosisView;
export type TraceDetailSpan = TraceTreeSpanView;
