// GET /api/v1/workspaces/:workspaceId/telemetry/drift/:alertId: one drift alert with its diff
import { driftParamsSchema } from "@/lib/api/drift.schemas";
import { NotFoundError } from "@/lib/api/errors";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getDriftAlert } from "@/lib/store/drift-queries";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request: Request, context: { params: Promise<{ workspaceId: string; alertId: string }> }) => {
  const { workspaceId, alertId } = driftParamsSchema.parse(await context.params);
  const alert = await getDriftAlert(getRuntime().store, workspaceId, alertId);
  if (!alert) throw new NotFoundError(`No drift alert ${alertId} in workspace ${workspaceId}.`);
  return alert;
});
