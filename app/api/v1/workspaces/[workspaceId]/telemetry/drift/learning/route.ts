// GET /api/v1/workspaces/:workspaceId/telemetry/drift/learning: each entry point's progress through its learning window
import { driftLearningQuerySchema } from "@/lib/api/drift.schemas";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { searchParamsObject, workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listDriftLearning } from "@/lib/store/drift-learning-queries";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const query = driftLearningQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  return listDriftLearning(getRuntime().store, workspaceId, query, Date.now());
});
