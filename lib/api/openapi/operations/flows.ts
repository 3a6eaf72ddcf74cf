// Discovered flows, the service graph of completed traces, and test coverage.
import { coverageQuerySchema, type CoverageResponse, type EndpointCoverageView, type FlowCoverageView } from "../../coverage.schemas";
import { flowParamsSchema, flowsQuerySchema } from "../../flows.schemas";
import { graphQuerySchema } from "../../graph.schemas";
import { workspaceParamsSchema } from "../../workspace.schemas";
import type { GraphSummary, GraphSummaryEdge, GraphSummaryNode } from "../../../graph/summarize-graph";
import type { ServiceViewEdge, ServiceViewEndpoint, ServiceViewGraph, ServiceViewNode } from "../../../graph/aggregate-service-graph";
import type { NodeTrafficSummary } from "../../../graph/compute-node-traffic";
import type { getFlow } from "../../../store/flow-queries";
import { arrayOf, bool, dateTime, fieldsOf, int, nullable, num, objectWith, oneOfValues, str, type JsonSchema } from "../json-schema";
import { errorResponse, WORKSPACE_PATH, type ApiOperation } from "../operation";
import { ref } from "../shared-schemas";

type FlowDetail = NonNullable<Awaited<ReturnType<typeof getFlow>>>;

const flowDetail: JsonSchema = {
  allOf: [
    ref("Flow"),
    fieldsOf<FlowDetail>()({
      node_stats: arrayOf(
        fieldsOf<FlowDetail["node_stats"][number]>()({ node: str("type:identifier"), count: int(), error_rate: num(), p50_duration_ms: nullable(num()), p95_duration_ms: nullable(num()) }),
        "Per path node; a node's errors are those of every span it stands for.",
      ),
      hourly: arrayOf(fieldsOf<FlowDetail["hourly"][number]>()({ hour: dateTime(), count: int(), error_count: int(), error_rate: num(), p95_duration_ms: nullable(num()) }), "Oldest first."),
      sample_trace_ids: arrayOf(str()),
      variants: arrayOf(ref("Flow"), "The entry point's other variants."),
      explanations: arrayOf(ref("VariantExplanation"), "What sets this variant apart."),
    }),
  ],
};

const EDGE_KINDS = ["calls", "exposes", "reads", "writes", "publishes", "consumes"] as const;

const traffic = {
  calls_in: int("Requests served (a service with routes), calls received otherwise."),
  errors_in: int(),
  avg_in_ms: nullable(num()),
  p95_in_ms: nullable(num("DDSketch, within 1%; null when unknown.")),
  calls_out: int(),
  errors_out: int(),
} satisfies Record<keyof NodeTrafficSummary, JsonSchema>;

const serviceView = fieldsOf<ServiceViewGraph>()({
  view: oneOfValues(["service"]),
  nodes: arrayOf(
    fieldsOf<ServiceViewNode>()({
      id: str(),
      type: oneOfValues(["service", "database", "topic"]),
      label: str(),
      service: str(),
      endpoints: arrayOf(fieldsOf<ServiceViewEndpoint>()({ id: str(), label: str(), call_count: int(), error_count: int(), avg_duration_ms: num(), p95_duration_ms: nullable(num()) }), "The endpoints a service serves, busiest first."),
      ...traffic,
    }),
  ),
  edges: arrayOf(
    fieldsOf<ServiceViewEdge>()({ id: str(), source: str(), target: str(), kinds: arrayOf(oneOfValues(EDGE_KINDS)), call_count: int(), error_count: int(), avg_duration_ms: num(), p95_duration_ms: nullable(num()), last_seen_at: dateTime() }),
    "One per caller and callee.",
  ),
});

const endpointView = fieldsOf<GraphSummary>()({
  view: oneOfValues(["endpoint"]),
  nodes: arrayOf(fieldsOf<GraphSummaryNode>()({ id: str(), type: oneOfValues(["service", "api_endpoint", "database", "topic"]), label: str(), service: str(), ...traffic })),
  edges: arrayOf(
    fieldsOf<GraphSummaryEdge>()({ id: str(), source: str(), target: str(), kind: oneOfValues(EDGE_KINDS), call_count: int(), error_count: int(), avg_duration_ms: num(), p95_duration_ms: nullable(num()), last_seen_at: dateTime() }),
    "One per kind.",
  ),
});

const coverageFlowFields = { last_run_at: nullable(dateTime()), last_passing_run_at: nullable(dateTime()), covered: bool(), risk: num(), risk_level: oneOfValues(["low", "medium", "high"]) };

export const FLOW_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/flows`,
    operationId: "listFlows",
    summary: "Discovered flows, riskiest first by default",
    description: "`node` (type:identifier) keeps the flows whose path has that node; `through_service` those with any node of that service. Without `order`, names and entry points read A to Z and numbers largest first.",
    tag: "flows",
    access: "read",
    params: workspaceParamsSchema,
    query: flowsQuerySchema,
    responses: { 200: { description: "A page of flows.", json: objectWith({ flows: arrayOf(ref("Flow")), total: int() }) } },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/flows/{flowId}`,
    operationId: "getFlow",
    summary: "One flow with per-node statistics, hourly volume and its entry point's other variants",
    tag: "flows",
    access: "read",
    params: flowParamsSchema,
    responses: { 200: { description: "The flow.", json: flowDetail }, 404: errorResponse("No such flow.") },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/graph`,
    operationId: "getServiceGraph",
    summary: "The service graph of completed traces",
    description: "view=service: a node per service, database and topic, an edge per caller and callee; a call into an endpoint is a call into its service. view=endpoint: every endpoint its own node, an edge per kind.",
    tag: "flows",
    access: "read",
    params: workspaceParamsSchema,
    query: graphQuerySchema,
    responses: { 200: { description: "The graph, in the view asked for.", json: { oneOf: [serviceView, endpointView] } } },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/coverage`,
    operationId: "getCoverage",
    summary: "What a passing test run covered within the window, riskiest first",
    description: "`window_days` defaults to the workspace's coverage_window_days.",
    tag: "flows",
    access: "read",
    params: workspaceParamsSchema,
    query: coverageQuerySchema,
    responses: {
      200: {
        description: "Coverage by endpoint and by flow.",
        json: fieldsOf<CoverageResponse>()({
          window_days: int(),
          endpoints: arrayOf(fieldsOf<EndpointCoverageView>()({ service: str(), method: nullable(str()), route: str(), flows: arrayOf(str(), "Flow ids, riskiest first."), ...coverageFlowFields })),
          flows: arrayOf(fieldsOf<FlowCoverageView>()({ id: str(), name: str(), entry_service: str(), entry_operation: str(), endpoint_count: int(), ...coverageFlowFields })),
          covered_count: int(),
          uncovered_count: int(),
          coverage_ratio: nullable(num("covered_count / endpoints; null when no flow has an endpoint.")),
          covered_flow_count: int(),
        }),
      },
    },
  },
];
