// Why a flow, or every variant of an entry point, fails and is slow; and a model's summary.
import type { DiagnosisSummaryResponse } from "../../diagnosis-summary";
import { diagnosisQuerySchema, entryPointDiagnosisQuerySchema, type DiagnosisResponse } from "../../diagnosis.schemas";
import { flowParamsSchema } from "../../flows.schemas";
import { workspaceParamsSchema } from "../../workspace.schemas";
import { arrayOf, bool, dateTime, fieldsOf, int, nullable, objectWith, openObject, str } from "../json-schema";
import { errorResponse, WORKSPACE_PATH, type ApiOperation, type ApiResponse } from "../operation";
import { LLM_ERRORS } from "./llm-errors";

const diagnosis: ApiResponse = {
  description: "The diagnosis over [from, to).",
  json: fieldsOf<DiagnosisResponse>()({
    scope: objectWith({ from: dateTime(), to: dateTime(), sample_size: int() }, { description: "flow_id, or entry_service and entry_operation, and the window read." }),
    totals: objectWith({ traces: int(), failing: int(), slow: int() }),
    sampled: objectWith({ failing: int(), passing: int(), slow: int(), fast: int() }),
    errors: openObject("origins, chains, contrasts, left_out_keys, note: where errors start and what sets failing traces apart."),
    latency: openObject("slow_threshold_ms, nodes, contrasts, left_out_keys, note: where slow traces spend their time."),
    patterns: arrayOf(openObject(), "Call patterns the flow pays for."),
  }),
};

const fact = objectWith({ id: str(), text: str() });
const summary: ApiResponse = {
  description: "A short explanation by the configured model of the diagnosis's numbered facts.",
  json: fieldsOf<DiagnosisSummaryResponse>()({
    generated: bool("Always true: the text is a model's, not Flowprint's computation."),
    model: str(),
    summary: str(),
    cited_facts: arrayOf(fact),
    facts: arrayOf(fact),
    usage: objectWith({ prompt_tokens: nullable(int()), completion_tokens: nullable(int()) }),
  }),
};

const RANGE = "Over [from, to) (epoch ms or ISO 8601; default the last 7 days), from at most sample_size traces per side (default the workspace's diagnosis_sample_size).";

export const DIAGNOSIS_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/flows/{flowId}/diagnosis`,
    operationId: "diagnoseFlow",
    summary: "Why the flow fails and why it is slow",
    description: RANGE,
    tag: "diagnosis",
    access: "read",
    params: flowParamsSchema,
    query: diagnosisQuerySchema,
    responses: { 200: diagnosis, 404: errorResponse("No such flow.") },
  },
  {
    method: "post",
    path: `${WORKSPACE_PATH}/telemetry/flows/{flowId}/diagnosis/summary`,
    operationId: "summarizeFlowDiagnosis",
    summary: "A model's short explanation of the flow's diagnosis",
    description: RANGE,
    tag: "diagnosis",
    access: "write",
    params: flowParamsSchema,
    query: diagnosisQuerySchema,
    responses: { 200: summary, 404: errorResponse("No such flow."), ...LLM_ERRORS },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/entry-points/diagnosis`,
    operationId: "diagnoseEntryPoint",
    summary: "Why an entry point fails and why it is slow, every variant together",
    description: RANGE,
    tag: "diagnosis",
    access: "read",
    params: workspaceParamsSchema,
    query: entryPointDiagnosisQuerySchema,
    responses: { 200: diagnosis, 404: errorResponse("The entry point has no flows.") },
  },
  {
    method: "post",
    path: `${WORKSPACE_PATH}/telemetry/entry-points/diagnosis/summary`,
    operationId: "summarizeEntryPointDiagnosis",
    summary: "A model's short explanation of the entry point's diagnosis",
    description: RANGE,
    tag: "diagnosis",
    access: "write",
    params: workspaceParamsSchema,
    query: entryPointDiagnosisQuerySchema,
    responses: { 200: summary, 404: errorResponse("The entry point has no flows."), ...LLM_ERRORS },
  },
];
