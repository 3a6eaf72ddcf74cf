// Stored spans and traces: lists, one trace's tree with its diagnosis, comparisons.
import { traceParamsSchema } from "../../flows.schemas";
import { spansQuerySchema } from "../../spans.schemas";
import { traceCompareQuerySchema, type ComparedSideView, type TraceCompareResponse } from "../../trace-compare.schemas";
import type { CriticalPathSectionView, ErrorChainView, ErrorOriginView } from "../../trace-diagnosis-view";
import { traceImportQuerySchema } from "../../trace-import.schemas";
import { traceSearchQuerySchema, type TraceDetail, type TraceDetailSpan } from "../../traces.schemas";
import { z } from "zod";
import { workspaceParamsSchema } from "../../workspace.schemas";
import type { ComparedTraceSummary } from "../../../store/compare-queries";
import { arrayOf, dateTime, fieldsOf, int, nullable, num, objectWith, oneOfValues, str } from "../json-schema";
import { errorResponse, WORKSPACE_PATH, type ApiOperation } from "../operation";
import { ref } from "../shared-schemas";

const treeSpan = {
  allOf: [
    ref("Span"),
    fieldsOf<TraceDetailSpan>()({
      depth: int(),
      attachment: oneOfValues(["root", "parent", "orphan", "extra-root", "cycle"], "Why the span hangs where it does: under its parent, an orphan whose parent never arrived, an extra root, a cut cycle."),
    }),
  ],
};

const traceDetail = fieldsOf<TraceDetail>()({
  trace_id: str(),
  root_service: nullable(str()),
  root_operation: nullable(str()),
  span_count: int(),
  error_count: int(),
  start_time: dateTime(),
  duration_ms: num(),
  flow_id: nullable(str()),
  representative_trace_id: nullable(str("Its flow's representative; null outside a flow.")),
  spans: arrayOf(treeSpan, "In tree order, children by start time."),
  critical_path: arrayOf(
    fieldsOf<CriticalPathSectionView>()({ span_id: str(), start_time_unix_nano: str(), end_time_unix_nano: str(), duration_ms: num(), self_time_ms: num("The span's time on the path, all its sections together.") }),
    "Sorted.",
  ),
  error_origins: arrayOf(
    fieldsOf<ErrorOriginView>()({
      span_id: str(),
      service: str(),
      operation: str(),
      status_message: str(),
      reason: oneOfValues(["leaf_error", "own_message", "timeout_masked"]),
      role: oneOfValues(["cause", "consequence"]),
      start_time_unix_nano: str(),
      duration_ms: num(),
      masked_by_span_id: nullable(str()),
    }),
    "The cause first.",
  ),
  error_chains: arrayOf(fieldsOf<ErrorChainView>()({ origin_span_id: str(), role: oneOfValues(["cause", "consequence"]), reason: str(), links: arrayOf(str(), "Span ids from the origin up to the root.") })),
});

const importAnswer = objectWith({
  format: nullable(oneOfValues(["otlp-json", "otlp-json-lines", "jaeger-json", "zipkin-json"])),
  traces: int(),
  spans: int(),
  skipped_spans: int("Left out by the conversion (a bad span costs its trace)."),
  rejected_spans: int("Refused as live ingestion would refuse them."),
  problems: arrayOf(objectWith({ where: str("file:line:column, or `file at json.path`"), message: str() })),
  warnings: arrayOf(objectWith({ code: oneOfValues(["older_than_retention", "discovery_off"]), message: str() })),
});

const comparedTrace = fieldsOf<ComparedTraceSummary>()({ trace_id: str(), root_service: nullable(str()), root_operation: nullable(str()), start_time: dateTime(), span_count: int(), error_count: int(), flow_id: nullable(str()) });
const comparedSide = nullable(fieldsOf<ComparedSideView>()({ span_ids: arrayOf(str()), count: int(), duration_ms: num(), error_count: int() }));
type CompareRow = TraceCompareResponse["rows"][number];

export const TRACE_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/spans`,
    operationId: "listSpans",
    summary: "Stored spans, newest first",
    description: "`operation` is fastest together with `service`.",
    tag: "traces",
    access: "read",
    params: workspaceParamsSchema,
    query: spansQuerySchema,
    responses: { 200: { description: "A page of spans.", json: objectWith({ spans: arrayOf(ref("Span")), total: int() }) } },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/traces`,
    operationId: "searchTraces",
    summary: "Trace search, newest first",
    description:
      "The span conditions (`service`, `operation`, `status`, every `attr`) hold on one span of the trace, any span. `attr` repeats: `key:value`, `key!=value`, `key exists`. Each search reads newest first up to a fixed bound; `searched_back_to` says how far it got when the bound came first.",
    tag: "traces",
    access: "read",
    params: workspaceParamsSchema,
    query: traceSearchQuerySchema,
    responses: {
      200: {
        description: "A page of trace summaries.",
        json: objectWith({
          traces: arrayOf(ref("TraceSummary")),
          total: nullable(int("Every match, only when nothing but the time range (or trace id) filters.")),
          has_more: { type: "boolean" },
          searched_back_to: nullable(dateTime("Every trace that started at or after this was examined; ask again with `to` set to it to search further back.")),
        }),
      },
    },
  },
  {
    method: "post",
    path: `${WORKSPACE_PATH}/telemetry/import`,
    operationId: "importTraceFile",
    summary: "Import one trace file: Jaeger JSON, Zipkin v2 JSON, OTLP JSON or OTLP JSON Lines",
    description: "The body is the file's bytes, plain or gzip. Imported spans go through the same path as live ones (flows, drift, graph, LLM index). Storing is idempotent: a file sent twice is stored once.",
    tag: "traces",
    access: "write",
    params: workspaceParamsSchema,
    query: traceImportQuerySchema,
    body: { description: "The file, as it is.", content: { "application/octet-stream": {}, "application/json": {}, "application/x-ndjson": {} } },
    responses: {
      200: { description: "Something was imported, or the file was clean.", json: importAnswer },
      422: { description: "Nothing could be imported; `problems` say where and why.", json: importAnswer },
      409: errorResponse("Ingestion is disabled in the workspace's settings."),
      413: errorResponse("The file is over FLOWPRINT_MAX_BODY_BYTES, compressed or decompressed."),
      415: errorResponse("Another content encoding than gzip."),
      503: errorResponse("Overloaded, or the spans could not be stored: send the file again.", { "retry-after": { description: "Seconds to wait.", schema: int() } }),
    },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/services`,
    operationId: "listServices",
    summary: "Every service that sent a span: trace search's choices",
    tag: "traces",
    access: "read",
    params: workspaceParamsSchema,
    responses: { 200: { description: "Service names, sorted.", json: objectWith({ services: arrayOf(str()) }) } },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/services/{service}/operations`,
    operationId: "listServiceOperations",
    summary: "A service's span names, from its newest spans",
    tag: "traces",
    access: "read",
    params: workspaceParamsSchema.extend({ service: z.string() }),
    responses: { 200: { description: "Span names, sorted.", json: objectWith({ operations: arrayOf(str()) }) } },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/traces/root-services`,
    operationId: "listRootServices",
    summary: "The services some trace entered by (its root span's service)",
    tag: "traces",
    access: "read",
    params: workspaceParamsSchema,
    responses: { 200: { description: "By name.", json: objectWith({ services: arrayOf(str()) }) } },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/traces/{traceId}`,
    operationId: "getTrace",
    summary: "One trace: its span tree, critical path and error origins",
    tag: "traces",
    access: "read",
    params: traceParamsSchema,
    responses: { 200: { description: "The trace.", json: traceDetail }, 404: errorResponse("No such trace.") },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/traces/compare`,
    operationId: "compareTraces",
    summary: "Trace a beside trace b, node by node",
    description: "Without b, beside the representative of a's flow. a and b are 32 hex digits.",
    tag: "traces",
    access: "read",
    params: workspaceParamsSchema,
    query: traceCompareQuerySchema,
    responses: {
      200: {
        description: "The comparison.",
        json: fieldsOf<TraceCompareResponse>()({
          a: comparedTrace,
          b: comparedTrace,
          b_source: oneOfValues(["given", "representative"]),
          summary: fieldsOf<TraceCompareResponse["summary"]>()({ added: int(), removed: int(), moved: int(), same: int(), a_duration_ms: num(), b_duration_ms: num(), duration_delta: nullable(num()) }),
          rows: arrayOf(
            fieldsOf<CompareRow>()({ key: str(), node: ref("PathNode"), status: oneOfValues(["added", "removed", "moved", "same"]), a: comparedSide, b: comparedSide, duration_delta: nullable(num()), depth: int() }),
          ),
        }),
      },
      404: errorResponse("Trace a or b not found, or a has no representative to compare with (give b)."),
    },
  },
  {
    method: "post",
    path: `${WORKSPACE_PATH}/telemetry/traces/{traceId}/complete`,
    operationId: "completeTrace",
    summary: "Complete a trace now instead of after the idle window",
    tag: "traces",
    access: "write",
    params: traceParamsSchema,
    responses: {
      200: { description: "The trace and the flow it joined.", json: objectWith({ trace_id: str(), flow_id: nullable(str()) }) },
      404: errorResponse("No such trace."),
    },
  },
];
