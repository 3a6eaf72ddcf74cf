// GET /api/v1/workspaces/:workspaceId/telemetry/graph?view=service|endpoint: the service graph of completed traces
import { graphQuerySchema } from "@/lib/api/graph.schemas";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { searchParamsObject, workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getServiceGraph } from "@/lib/store/flow-repository";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const { view } = graphQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  return getServiceGraph(getRuntime().store, workspaceId, view);
});
