// Drift alerts (an entry point took a path outside its baseline, or a usual one went missing)
// and each entry point's progress through its learning window.
import { driftLearningQuerySchema, driftParamsSchema, driftQuerySchema, type DriftLearning, type EntryPointLearning } from "../../drift.schemas";
import { workspaceParamsSchema } from "../../workspace.schemas";
import { arrayOf, bool, dateTime, fieldsOf, int, num, objectWith, str } from "../json-schema";
import { errorResponse, WORKSPACE_PATH, type ApiOperation } from "../operation";
import { ref } from "../shared-schemas";

const ALERT = `${WORKSPACE_PATH}/telemetry/drift/{alertId}`;

export const DRIFT_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/drift`,
    operationId: "listDriftAlerts",
    summary: "Drift alerts, open ones first, newest first within a state",
    tag: "drift",
    access: "read",
    params: workspaceParamsSchema,
    query: driftQuerySchema,
    responses: { 200: { description: "A page of alerts.", json: objectWith({ alerts: arrayOf(ref("DriftAlert")), total: int() }) } },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/telemetry/drift/learning`,
    operationId: "listDriftLearning",
    summary: "Each entry point's progress through its learning window",
    description: "Still learning first (least progress on top), then ready ones.",
    tag: "drift",
    access: "read",
    params: workspaceParamsSchema,
    query: driftLearningQuerySchema,
    responses: {
      200: {
        description: "The workspace's window and a page of its entry points.",
        json: fieldsOf<DriftLearning>()({
          learning_ms: int(),
          learning_traces: int(),
          total: int(),
          learning: int(),
          ready: int(),
          entry_points: arrayOf(
            fieldsOf<EntryPointLearning>()({
              entry_service: str(),
              entry_operation: str(),
              traces_seen: int(),
              traces_needed: int(),
              first_trace_at: dateTime(),
              learning_ends_at: dateTime(),
              remaining_ms: int(),
              progress: num("0..1, the slower of traces and time."),
              ready: bool(),
              baseline_variants: int(),
            }),
          ),
        }),
      },
    },
  },
  {
    method: "get",
    path: ALERT,
    operationId: "getDriftAlert",
    summary: "One drift alert with its diff",
    tag: "drift",
    access: "read",
    params: driftParamsSchema,
    responses: { 200: { description: "The alert.", json: ref("DriftAlert") }, 404: errorResponse("No such alert in this workspace.") },
  },
  {
    method: "post",
    path: `${ALERT}/accept`,
    operationId: "acceptDriftAlert",
    summary: "Accept: the new variant joins its entry point's baseline (a missing one leaves it)",
    description: "Idempotent.",
    tag: "drift",
    access: "write",
    params: driftParamsSchema,
    responses: {
      200: { description: "The alert, accepted.", json: ref("DriftAlert") },
      404: errorResponse("No such alert in this workspace."),
      409: errorResponse("The alert's state does not allow it, or changed meanwhile."),
    },
  },
  {
    method: "post",
    path: `${ALERT}/dismiss`,
    operationId: "dismissDriftAlert",
    summary: "Dismiss: silence the alert",
    description: "Idempotent.",
    tag: "drift",
    access: "write",
    params: driftParamsSchema,
    responses: {
      200: { description: "The alert, dismissed.", json: ref("DriftAlert") },
      404: errorResponse("No such alert in this workspace."),
      409: errorResponse("The alert is accepted, or its state changed meanwhile."),
    },
  },
];
