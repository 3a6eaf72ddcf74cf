// GET /api/v1/workspaces/:workspaceId/telemetry/services: every service that sent a span (trace search's choices)
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listSearchServices } from "@/lib/store/trace-search-options";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  return { services: await listSearchServices(getRuntime().store, workspaceId) };
});
