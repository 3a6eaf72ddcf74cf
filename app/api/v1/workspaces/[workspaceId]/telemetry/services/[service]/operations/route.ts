// GET /api/v1/workspaces/:workspaceId/telemetry/services/:service/operations: the service's span names (from its newest spans)
import { workspaceRoute } from "@/lib/api/workspace-route";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listSearchOperations } from "@/lib/store/trace-search-options";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request: Request, context: { params: Promise<{ workspaceId: string; service: string }> }) => {
  const params = await context.params;
  const { workspaceId } = workspaceParamsSchema.parse(params);
  return { operations: await listSearchOperations(getRuntime().store, workspaceId, decodeURIComponent(params.service)) };
});
