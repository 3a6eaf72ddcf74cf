// GET /api/v1/workspaces/:workspaceId/model/entities/:entityName: one entity, its lifecycle and data flow
import { NotFoundError } from "@/lib/api/errors";
import { entityParamsSchema, entityView } from "@/lib/api/model.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getSystemModel } from "@/lib/pipeline/system-model";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request: Request, context: { params: Promise<{ workspaceId: string; entityName: string }> }) => {
  const { workspaceId, entityName } = entityParamsSchema.parse(await context.params);
  const model = await getSystemModel(getRuntime().store, workspaceId, { staleWhileRevalidate: true });
  const entity = model.entities.find((e) => e.name === entityName);
  if (!entity) throw new NotFoundError(`No entity "${entityName}" in the model of workspace ${workspaceId}.`);
  return entityView(entity, model.endpoints);
});
