// POST .../telemetry/drift/:alertId/accept and .../dismiss share one handler.
import { ConflictError, NotFoundError } from "./errors";
import { driftParamsSchema } from "./drift.schemas";
import { handleJson } from "./route-handler";
import { getRuntime } from "../pipeline/runtime";
import { applyDriftAction, type DriftAction } from "../store/drift-actions";
import { getDriftAlert } from "../store/drift-queries";

export function driftActionRoute(action: DriftAction) {
  return handleJson(async (_request: Request, context: { params: Promise<{ workspaceId: string; alertId: string }> }) => {
    const { workspaceId, alertId } = driftParamsSchema.parse(await context.params);
    const { store } = getRuntime();
    const result = await applyDriftAction(store, workspaceId, alertId, action);
    if (result.kind === "not_found") throw new NotFoundError(`No drift alert ${alertId} in workspace ${workspaceId}.`);
    if (result.kind === "conflict") throw new ConflictError(`A drift alert that is ${result.state} cannot be ${action === "accept" ? "accepted" : "dismissed"}.`);
    return getDriftAlert(store, workspaceId, alertId);
  });
}
