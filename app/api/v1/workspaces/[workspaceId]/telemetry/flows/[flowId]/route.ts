// GET /api/v1/workspaces/:workspaceId/telemetry/flows/:flowId: one flow with per-node statistics
import { NotFoundError } from "@/lib/api/errors";
import { flowParamsSchema } from "@/lib/api/flows.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getFlow } from "@/lib/store/flow-queries";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request: Request, context: { params: Promise<{ workspaceId: string; flowId: string }> }) => {
  const { workspaceId, flowId } = flowParamsSchema.parse(await context.params);
  const flow = await getFlow(getRuntime().store, workspaceId, flowId);
  if (!flow) throw new NotFoundError(`No flow ${flowId} in workspace ${workspaceId}.`);
  return flow;
});
