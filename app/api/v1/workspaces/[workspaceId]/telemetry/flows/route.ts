// GET /api/v1/workspaces/:workspaceId/telemetry/flows: discovered flows, riskiest first by default
import { flowsQuerySchema } from "@/lib/api/flows.schemas";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { searchParamsObject, workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listFlows } from "@/lib/store/flow-queries";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const query = flowsQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  return listFlows(getRuntime().store, workspaceId, { ...query, drifted: query.drifted === undefined ? undefined : query.drifted === "true" });
});
