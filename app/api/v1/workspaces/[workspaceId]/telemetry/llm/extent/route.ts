// GET /api/v1/workspaces/:workspaceId/telemetry/llm/extent: when the last 30 days' first and last LLM calls started
import { DAY_MS } from "@/lib/api/llm.schemas";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { llmCallExtent } from "@/lib/store/llm-queries";

export const dynamic = "force-dynamic";

// The LLM page's longest range: what its default range is fitted within.
const LOOKBACK_MS = 30 * DAY_MS;

export const GET = workspaceRoute("read", async (_request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const sinceMs = Date.now() - LOOKBACK_MS;
  const extent = await llmCallExtent(getRuntime().store, workspaceId, sinceMs);
  return { since_ms: sinceMs, first_call_ms: extent?.firstMs ?? null, last_call_ms: extent?.lastMs ?? null };
});
