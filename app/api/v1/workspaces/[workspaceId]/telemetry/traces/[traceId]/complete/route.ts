// POST /api/v1/workspaces/:workspaceId/telemetry/traces/:traceId/complete: complete a trace now
import { NotFoundError } from "@/lib/api/errors";
import { traceParamsSchema } from "@/lib/api/flows.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { completeTraceNow } from "@/lib/pipeline/complete-traces";
import { getRuntime } from "@/lib/pipeline/runtime";

export const dynamic = "force-dynamic";

export const POST = workspaceRoute("write", async (_request: Request, context: { params: Promise<{ workspaceId: string; traceId: string }> }) => {
  const { workspaceId, traceId } = traceParamsSchema.parse(await context.params);
  const runtime = getRuntime();
  const result = await completeTraceNow(runtime.store, { workspaceId, traceId }, runtime.instanceId);
  if (!result.found) throw new NotFoundError(`No trace ${traceId} in workspace ${workspaceId}.`);
  return { trace_id: traceId, flow_id: result.flowId };
});
