// POST .../telemetry/drift/:alertId/accept and .../dismiss share one handler.
import { ConflictError, NotFoundError } from "./errors";
import { driftParamsSchema } from "./drift.schemas";
import { workspaceRoute } from "./workspace-route";
import { audit } from "../pipeline/auth/audit";
import { getRuntime } from "../pipeline/runtime";
import { applyDriftAction, type DriftAction } from "../store/drift-actions";
import { getDriftAlert } from "../store/drift-queries";

export function driftActionRoute(action: DriftAction) {
  return workspaceRoute("write", async (request: Request, context: { params: Promise<{ workspaceId: string; alertId: string }> }, access) => {
    const { workspaceId, alertId } = driftParamsSchema.parse(await context.params);
    const { store } = getRuntime();
    const result = await applyDriftAction(store, workspaceId, alertId, action);
    if (result.kind === "not_found") throw new NotFoundError(`No drift alert ${alertId} in workspace ${workspaceId}.`);
    if (result.kind === "conflict") throw new ConflictError(`A drift alert that is ${result.state} cannot be ${action === "accept" ? "accepted" : "dismissed"}.`);
    await audit(request, access.principal, `drift.${action}`, { workspaceId, target: alertId });
    return getDriftAlert(store, workspaceId, alertId);
  });
}
