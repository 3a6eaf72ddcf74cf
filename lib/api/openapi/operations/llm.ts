// LLM calls recorded in traces: usage and cost, the calls themselves, and eval datasets.
import { traceParamsSchema } from "../../flows.schemas";
import { evalSelectionSchema, llmCallsQuerySchema, llmUsageQuerySchema } from "../../llm.schemas";
import type { SnakeCased } from "../../snake-case-keys";
import { workspaceParamsSchema } from "../../workspace.schemas";
import type { LlmCall } from "../../../genai/llm-call";
import type { LlmUsageSummary } from "../../../genai/llm-usage-types";
import type { listLlmModels } from "../../../store/llm-queries";
import { anyValue, arrayOf, bool, fieldsOf, int, nullable, num, objectWith, openObject, str } from "../json-schema";
import { errorResponse, WORKSPACE_PATH, type ApiOperation } from "../operation";

// The route spreads the summary beside the window it resolved and the prices it used.
type LlmUsageResponse = SnakeCased<LlmUsageSummary> & { from: number; to: number; bucket_ms: number; prices_as_of: string; thresholds: unknown };
// The calls route maps each call's fields to snake_case by hand and adds its cost; the trace's
// calls route runs snakeCaseKeys over a few of them.
type LlmCallRow = SnakeCased<Omit<LlmCall, "input" | "output">> & { cost_usd: number | null };
type TraceLlmCall = SnakeCased<Pick<LlmCall, "spanId" | "model" | "operation" | "convention" | "input" | "output">>;

const noneIsEmpty = (description: string) => str(`${description}; "" when none is recorded.`);
const messages = arrayOf(openObject("role, content, tool_calls, tool_call_id"));

const noExportable = errorResponse("No selected call recorded its prompt (code no_exportable_spans).");
const RANGE = "Over [from, to) in epoch ms (default: the last 24 h).";

export const LLM_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/llm/usage`,
    operationId: "getLlmUsage",
    summary: "LLM calls, tokens, cost, latency and errors by model over time",
    description: RANGE,
    tag: "llm",
    access: "read",
    params: workspaceParamsSchema,
    query: llmUsageQuerySchema,
    responses: {
      200: {
        description: "The usage summary.",
        json: fieldsOf<LlmUsageResponse>()({
          from: int(),
          to: int(),
          bucket_ms: int(),
          prices_as_of: str("The date of the built-in price table."),
          thresholds: anyValue("The workspace's alert thresholds."),
          totals: openObject(),
          models: arrayOf(openObject("calls, errors, error_rate, input and output tokens, cost_usd, unpriced_calls, no_token_calls, p50_ms, p95_ms, provider"), "Most calls first."),
          series: arrayOf(openObject(), "Per time bucket and model."),
          slowest_operations: arrayOf(openObject()),
          top_errors: arrayOf(openObject(), "By model."),
          warnings: arrayOf(openObject(), "Crossed thresholds."),
        }),
      },
    },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/llm/extent`,
    operationId: "getLlmExtent",
    summary: "When the first and last LLM calls of the last 30 days started",
    tag: "llm",
    access: "read",
    params: workspaceParamsSchema,
    responses: {
      200: { description: "Epoch ms; null without calls.", json: objectWith({ since_ms: int(), first_call_ms: nullable(int()), last_call_ms: nullable(int()) }) },
    },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/llm/calls`,
    operationId: "listLlmCalls",
    summary: "LLM calls, newest first, with their estimated cost",
    description: RANGE,
    tag: "llm",
    access: "read",
    params: workspaceParamsSchema,
    query: llmCallsQuerySchema,
    responses: {
      200: {
        description: "A page of calls, and every model with its call count.",
        json: objectWith({
          calls: arrayOf(
            fieldsOf<LlmCallRow>()({
              trace_id: str(),
              span_id: str(),
              service: str(),
              model: noneIsEmpty("Request model, else response model"),
              provider: noneIsEmpty("The provider"),
              start_ms: int(),
              duration_ms: num(),
              input_tokens: nullable(int()),
              output_tokens: nullable(int()),
              cost_usd: nullable(num("Estimated from the price table and the workspace's llm_prices; null when the model is unknown.")),
              is_error: bool(),
              error_type: str(),
              convention: nullable(str("The convention that supplied the call's text; null when no content was recorded.")),
            }),
          ),
          total: int(),
          models: arrayOf(fieldsOf<Awaited<ReturnType<typeof listLlmModels>>[number]>()({ model: str(), calls: int() }), "Most calls first."),
        }),
      },
    },
  },
  {
    method: "post",
    path: `${WORKSPACE_PATH}/telemetry/llm/eval-export`,
    operationId: "exportLlmEvalDataset",
    summary: "One eval dataset from the calls selected by model, time range and flow",
    description: "Prompts that differ only in variables collapse to one case unless dedupe is false.",
    tag: "llm",
    access: "write",
    params: workspaceParamsSchema,
    body: evalSelectionSchema,
    responses: {
      200: { description: "The dataset.", json: objectWith({ yaml: str(), file_name: str(), cases: int(), calls: int("Calls considered."), templates: int("Prompt templates found.") }) },
      422: noExportable,
    },
  },
  {
    method: "post",
    path: `${WORKSPACE_PATH}/telemetry/traces/{traceId}/eval-export`,
    operationId: "exportTraceEvalDataset",
    summary: "The trace's LLM calls as an eval dataset",
    tag: "llm",
    access: "write",
    params: traceParamsSchema,
    responses: { 200: { description: "The dataset.", json: objectWith({ yaml: str(), file_name: str(), cases: int() }) }, 404: errorResponse("No such trace."), 422: noExportable },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/traces/{traceId}/llm-calls`,
    operationId: "listTraceLlmCalls",
    summary: "The trace's LLM calls with their messages",
    description: "Read under whichever convention recorded them.",
    tag: "llm",
    access: "read",
    params: traceParamsSchema,
    responses: {
      200: {
        description: "The calls, as conversations.",
        json: objectWith({
          calls: arrayOf(fieldsOf<TraceLlmCall>()({ span_id: str(), model: str(), operation: str(), convention: nullable(str()), input: messages, output: messages })),
        }),
      },
      404: errorResponse("No such trace."),
    },
  },
];
