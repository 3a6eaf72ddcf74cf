// Test runs: the runner registers one before it sends the trigger, records the trigger's
// response, then reads the run's trace validation.
import type { traceValidationView } from "../../execution-views";
import { createExecutionSchema, executionParamsSchema, executionsQuerySchema, updateExecutionSchema } from "../../executions.schemas";
import { flowParamsSchema } from "../../flows.schemas";
import { workspaceParamsSchema } from "../../workspace.schemas";
import { anyValue, arrayOf, bool, fieldsOf, int, nullable, objectWith, oneOfValues, openObject, str } from "../json-schema";
import { errorResponse, WORKSPACE_PATH, type ApiOperation, type ApiResponse } from "../operation";
import { ref } from "../shared-schemas";

type Validation = ReturnType<typeof traceValidationView>;

const nodes = (description: string) => arrayOf(openObject("type, identifier, service?, and where it was expected or found."), description);

const validation = {
  oneOf: [
    fieldsOf<Extract<Validation, { status: "running" }>>()({
      execution_id: str(),
      trace_id: str(),
      status: oneOfValues(["running"]),
      waiting_for: str("What the validation waits for (the trace, its completion)."),
    }),
    fieldsOf<Exclude<Validation, { status: "running" }>>()(
      {
        execution_id: str(),
        trace_id: str(),
        status: oneOfValues(["passed", "failed", "inconclusive"]),
        path_match: bool(),
        missing_nodes: nodes("Expected, not in the trace."),
        unexpected_nodes: nodes("In the trace, not expected."),
        order_violations: nodes("In both, out of order."),
        slow_spans: arrayOf(openObject("span_id, service, operation, node, duration_ms, budget_ms, p95_ms"), "Slower than 1.5 × the node's P95."),
        error_spans: arrayOf(openObject("span_id, service, operation, message, expected")),
        failed_assertions: arrayOf(objectWith({ expression: str(), detail: str() })),
        inconclusive_assertions: arrayOf(objectWith({ expression: str(), reason: str() })),
        reasons: arrayOf(str(), "Why the run is inconclusive, when it is."),
        diagnosis: nullable(openObject("Why the run failed: first_divergence, error_chain, slow_nodes.")),
      },
      { optional: { step_results: arrayOf(openObject("id, status, path_match, missing_nodes, unexpected_nodes, order_violations, reason?"), "For requests that named their own nodes.") } },
    ),
  ],
};

const executionPage: ApiResponse = { description: "Newest first.", json: objectWith({ executions: arrayOf(ref("Execution")), total: int() }) };
const noExecution = errorResponse("No such execution in this workspace.");

export const EXECUTION_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: `${WORKSPACE_PATH}/executions`,
    operationId: "createExecution",
    summary: "Register a test run before its trigger is sent",
    tag: "tests",
    access: "write",
    params: workspaceParamsSchema,
    body: createExecutionSchema,
    responses: { 201: { description: "The run, running until its trace is validated.", json: ref("Execution") } },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/executions`,
    operationId: "listExecutions",
    summary: "Test runs, newest first",
    tag: "tests",
    access: "read",
    params: workspaceParamsSchema,
    query: executionsQuerySchema,
    responses: { 200: executionPage },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/executions/{executionId}`,
    operationId: "getExecution",
    summary: "One test run, with its stored result",
    tag: "tests",
    access: "read",
    params: executionParamsSchema,
    responses: {
      200: { description: "The run.", json: { allOf: [ref("Execution"), objectWith({ result: anyValue("The stored validation once it is done, else null.") })] } },
      404: noExecution,
    },
  },
  {
    method: "patch",
    path: `${WORKSPACE_PATH}/executions/{executionId}`,
    operationId: "recordExecutionResponse",
    summary: "Record the trigger's response",
    tag: "tests",
    access: "write",
    params: executionParamsSchema,
    body: updateExecutionSchema,
    responses: { 200: { description: "The run.", json: ref("Execution") }, 404: noExecution },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/executions/{executionId}/trace-validation`,
    operationId: "getTraceValidation",
    summary: "The run's trace validation",
    description: "status is running (with waiting_for) until the trace is ready.",
    tag: "tests",
    access: "read",
    params: executionParamsSchema,
    responses: { 200: { description: "The validation, or what it waits for.", json: validation }, 404: noExecution },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/flows/{flowId}/executions`,
    operationId: "listFlowExecutions",
    summary: "Runs of tests exported from the flow, newest first",
    tag: "tests",
    access: "read",
    params: flowParamsSchema,
    // The route parses the executions query, but the flow in the path wins over flow_id.
    query: executionsQuerySchema.omit({ flow_id: true }),
    responses: { 200: executionPage },
  },
];
