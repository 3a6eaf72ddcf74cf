// GET /api/v1/workspaces/:workspaceId/telemetry/traces/:traceId/llm-calls: the trace's LLM calls with their messages, as conversations
import { NotFoundError } from "@/lib/api/errors";
import { traceParamsSchema } from "@/lib/api/flows.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { snakeCaseKeys } from "@/lib/api/snake-case-keys";
import { getRuntime } from "@/lib/pipeline/runtime";
import { traceLlmCalls } from "@/lib/store/llm-queries";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request: Request, context: { params: Promise<{ workspaceId: string; traceId: string }> }) => {
  const { workspaceId, traceId } = traceParamsSchema.parse(await context.params);
  const calls = await traceLlmCalls(getRuntime().store, workspaceId, traceId);
  if (calls === null) throw new NotFoundError(`No trace ${traceId} in workspace ${workspaceId}.`);
  return {
    calls: calls.map((call) => snakeCaseKeys({ spanId: call.spanId, model: call.model, operation: call.operation, convention: call.convention, input: call.input, output: call.output })),
  };
});
