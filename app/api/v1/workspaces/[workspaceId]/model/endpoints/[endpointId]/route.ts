// GET /api/v1/workspaces/:workspaceId/model/endpoints/:endpointId: one endpoint of the system model
import { NotFoundError } from "@/lib/api/errors";
import { endpointParamsSchema, endpointView } from "@/lib/api/model.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getSystemModel } from "@/lib/pipeline/system-model";
import { flowNames } from "@/lib/store/flow-queries";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request: Request, context: { params: Promise<{ workspaceId: string; endpointId: string }> }) => {
  const { workspaceId, endpointId } = endpointParamsSchema.parse(await context.params);
  const store = getRuntime().store;
  const endpoint = (await getSystemModel(store, workspaceId, { staleWhileRevalidate: true })).endpoints.find((e) => e.id === endpointId);
  if (!endpoint) throw new NotFoundError(`No endpoint ${endpointId} in the model of workspace ${workspaceId}.`);
  return endpointView(endpoint, await flowNames(store, workspaceId, endpoint.flowIds));
});
