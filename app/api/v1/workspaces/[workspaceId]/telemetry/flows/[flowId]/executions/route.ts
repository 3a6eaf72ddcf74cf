// GET /api/v1/workspaces/:workspaceId/telemetry/flows/:flowId/executions: runs of tests exported from the flow, newest first
import { executionsQuerySchema } from "@/lib/api/executions.schemas";
import { flowParamsSchema } from "@/lib/api/flows.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { searchParamsObject } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listExecutions } from "@/lib/store/execution-repository";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request: Request, context: { params: Promise<{ workspaceId: string; flowId: string }> }) => {
  const { workspaceId, flowId } = flowParamsSchema.parse(await context.params);
  const query = executionsQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  return listExecutions(getRuntime().store, workspaceId, { flowId, limit: query.limit, offset: query.offset });
});
