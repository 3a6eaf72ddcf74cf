// GET|PATCH /api/v1/workspaces/:workspaceId/executions/:executionId: one run; the runner records its trigger's response
import { NotFoundError } from "@/lib/api/errors";
import { executionParamsSchema, updateExecutionSchema } from "@/lib/api/executions.schemas";
import { readJsonBody } from "@/lib/api/read-json-body";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { getRuntime } from "@/lib/pipeline/runtime";
import { executionView, getExecution, recordResponse } from "@/lib/store/execution-repository";

export const dynamic = "force-dynamic";
type Context = { params: Promise<{ workspaceId: string; executionId: string }> };

export const GET = workspaceRoute("read", async (_request: Request, context: Context) => {
  const { workspaceId, executionId } = executionParamsSchema.parse(await context.params);
  const execution = await getExecution(getRuntime().store, workspaceId, executionId);
  if (!execution) throw new NotFoundError(`No execution ${executionId} in workspace ${workspaceId}.`);
  return { ...executionView(execution), result: execution.result };
});

export const PATCH = workspaceRoute("write", async (request: Request, context: Context) => {
  const { workspaceId, executionId } = executionParamsSchema.parse(await context.params);
  const { response } = updateExecutionSchema.parse(await readJsonBody(request));
  const { store } = getRuntime();
  if (!(await recordResponse(store, workspaceId, executionId, response))) throw new NotFoundError(`No execution ${executionId} in workspace ${workspaceId}.`);
  return executionView((await getExecution(store, workspaceId, executionId))!);
});
