// GET /api/v1/workspaces/:workspaceId/executions/:executionId/trace-validation: the run's validation (status running until its trace is ready)
import { NotFoundError } from "@/lib/api/errors";
import { traceValidationView } from "@/lib/api/execution-views";
import { executionParamsSchema } from "@/lib/api/executions.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { getRuntime } from "@/lib/pipeline/runtime";
import { validateExecution } from "@/lib/pipeline/validate-execution";
import { getExecution } from "@/lib/store/execution-repository";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request: Request, context: { params: Promise<{ workspaceId: string; executionId: string }> }) => {
  const { workspaceId, executionId } = executionParamsSchema.parse(await context.params);
  const { store } = getRuntime();
  const execution = await getExecution(store, workspaceId, executionId);
  if (!execution) throw new NotFoundError(`No execution ${executionId} in workspace ${workspaceId}.`);
  return traceValidationView(execution, await validateExecution(store, execution));
});
