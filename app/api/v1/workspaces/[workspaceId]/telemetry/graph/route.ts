// GET /api/v1/workspaces/:workspaceId/telemetry/graph: the service graph of completed traces
import { handleJson, type WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getServiceGraph } from "@/lib/store/flow-repository";

export const dynamic = "force-dynamic";

export const GET = handleJson(async (_request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  return getServiceGraph(getRuntime().store, workspaceId);
});
