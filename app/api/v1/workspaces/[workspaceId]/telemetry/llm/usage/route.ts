// GET /api/v1/workspaces/:workspaceId/telemetry/llm/usage?from&to&model&flow_id&bucket_ms: calls, tokens, cost,
// latency and errors by model over time, slowest operations, top errors and threshold warnings
import { llmUsageQuerySchema, resolveRange } from "@/lib/api/llm.schemas";
import { snakeCaseKeys } from "@/lib/api/snake-case-keys";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { searchParamsObject, workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { summarizeLlmUsage } from "@/lib/genai/llm-usage";
import { DEFAULT_PRICE_TABLE, withPriceOverrides } from "@/lib/genai/price-table";
import { usageBucketMs } from "@/lib/genai/usage-bucket";
import { getRuntime } from "@/lib/pipeline/runtime";
import { llmCallsForUsage, llmUsageSettings } from "@/lib/store/llm-queries";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const query = llmUsageQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const { fromMs, toMs } = resolveRange(query, Date.now());
  const store = getRuntime().store;
  const [calls, settings] = await Promise.all([
    llmCallsForUsage(store, workspaceId, { model: query.model, flowId: query.flow_id, fromMs, toMs }),
    llmUsageSettings(store, workspaceId),
  ]);
  const bucketMs = query.bucket_ms ?? usageBucketMs(toMs - fromMs);
  const summary = summarizeLlmUsage(calls, { bucketMs, nowMs: toMs, sinceMs: fromMs, prices: withPriceOverrides(settings.prices), thresholds: settings.thresholds });
  return { from: fromMs, to: toMs, bucket_ms: bucketMs, prices_as_of: DEFAULT_PRICE_TABLE.as_of, thresholds: settings.thresholds, ...(snakeCaseKeys(summary) as object) };
});
