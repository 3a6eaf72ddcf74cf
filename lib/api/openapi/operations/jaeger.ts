// Jaeger's query API over a workspace (also at /jaeger/{workspaceId}/api/...): Jaeger's JSON, for
// Grafana's Jaeger data source, the Jaeger UI and toad-eye. Errors in Jaeger's shape.
import { z } from "zod";
import { workspaceParamsSchema } from "../../workspace.schemas";
import { arrayOf, int, nullable, objectWith, openObject, str } from "../json-schema";
import { WORKSPACE_PATH, type ApiOperation, type ApiResponse } from "../operation";

const BASE = `${WORKSPACE_PATH}/jaeger/api`;
const envelope = (data: ReturnType<typeof arrayOf>, description: string): ApiResponse => ({
  description,
  json: objectWith({ data, total: int(), limit: int(), offset: int(), errors: nullable(arrayOf(objectWith({ code: int(), msg: str() }))) }),
});
const jaegerTraces = arrayOf(openObject("A trace as Jaeger's query service returns it: traceID, spans (µs times, references, typed tags, logs, processID), processes, warnings."));

// The parameters as Jaeger's UI and Grafana send them (lib/trace-formats/jaeger-search-params.ts reads them).
const searchQuery = z.object({
  service: z.string().optional(),
  operation: z.string().optional().describe('"all" for any'),
  tags: z.string().optional().describe('A JSON object of tag values, e.g. {"http.status_code":"500"}; error=true is the error status'),
  tag: z.string().optional().describe("key:value, repeatable"),
  minDuration: z.string().optional().describe("A span's duration at least, e.g. 150ms, 1.5s"),
  maxDuration: z.string().optional(),
  start: z.string().optional().describe("Trace start at or after, µs since the epoch"),
  end: z.string().optional().describe("Trace start at or before, µs since the epoch"),
  lookback: z.string().optional().describe("Without start: how far back from end (or now), e.g. 1h"),
  limit: z.string().optional().describe("Traces, default 20, at most 1000"),
});

export const JAEGER_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: `${BASE}/services`,
    operationId: "jaegerServices",
    summary: "Jaeger: every service that sent a span",
    tag: "jaeger",
    access: "read",
    params: workspaceParamsSchema,
    responses: { 200: envelope(arrayOf(str()), "Service names.") },
  },
  {
    method: "get",
    path: `${BASE}/services/{service}/operations`,
    operationId: "jaegerServiceOperations",
    summary: "Jaeger: a service's span names",
    tag: "jaeger",
    access: "read",
    params: workspaceParamsSchema.extend({ service: z.string() }),
    responses: { 200: envelope(arrayOf(str()), "Span names.") },
  },
  {
    method: "get",
    path: `${BASE}/operations`,
    operationId: "jaegerOperations",
    summary: "Jaeger: a service's operations with their span kind",
    tag: "jaeger",
    access: "read",
    params: workspaceParamsSchema,
    query: z.object({ service: z.string(), spanKind: z.string().optional() }),
    responses: { 200: envelope(arrayOf(objectWith({ name: str(), spanKind: str() })), "Operations.") },
  },
  {
    method: "get",
    path: `${BASE}/traces`,
    operationId: "jaegerSearchTraces",
    summary: "Jaeger: search traces",
    description: "The conditions hold on one span of the trace (Jaeger's semantics); newest first.",
    tag: "jaeger",
    access: "read",
    params: workspaceParamsSchema,
    query: searchQuery,
    responses: { 200: envelope(jaegerTraces, "Whole traces.") },
  },
  {
    method: "get",
    path: `${BASE}/traces/{traceId}`,
    operationId: "jaegerGetTrace",
    summary: "Jaeger: one trace",
    description: "The id in 16 or 32 hex digits.",
    tag: "jaeger",
    access: "read",
    params: workspaceParamsSchema.extend({ traceId: z.string() }),
    responses: { 200: envelope(jaegerTraces, "The trace."), 404: envelope(arrayOf(openObject()), "No such trace: `errors[0].msg` says so.") },
  },
  {
    method: "get",
    path: `${BASE}/dependencies`,
    operationId: "jaegerDependencies",
    summary: "Jaeger: calls between services",
    description: "From the service graph, over all time (`endTs` and `lookback` are accepted and ignored).",
    tag: "jaeger",
    access: "read",
    params: workspaceParamsSchema,
    responses: { 200: envelope(arrayOf(objectWith({ parent: str(), child: str(), callCount: int() })), "Edges.") },
  },
];
