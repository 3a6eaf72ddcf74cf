// POST|GET /api/v1/workspaces/:workspaceId/executions: register a test run; list runs (?flow_id=)
import { createExecutionSchema, executionsQuerySchema } from "@/lib/api/executions.schemas";
import { readJsonBody } from "@/lib/api/read-json-body";
import { jsonResponse, type WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { searchParamsObject, workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { createExecution, executionView, listExecutions } from "@/lib/store/execution-repository";

export const dynamic = "force-dynamic";

export const POST = workspaceRoute("write", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const input = createExecutionSchema.parse(await readJsonBody(request));
  return jsonResponse(executionView(await createExecution(getRuntime().store, workspaceId, input)), 201);
});

export const GET = workspaceRoute("read", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const query = executionsQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  return listExecutions(getRuntime().store, workspaceId, { flowId: query.flow_id, limit: query.limit, offset: query.offset });
});
