// GET /api/v1/workspaces/:workspaceId/model: the system model learned from the workspace's flows
import { modelViewJson } from "@/lib/api/model.schemas";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getSystemModel } from "@/lib/pipeline/system-model";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  return new Response(modelViewJson(await getSystemModel(getRuntime().store, workspaceId, { staleWhileRevalidate: true })), { headers: { "content-type": "application/json" } });
});
