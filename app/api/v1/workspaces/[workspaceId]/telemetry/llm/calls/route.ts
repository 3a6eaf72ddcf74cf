// GET /api/v1/workspaces/:workspaceId/telemetry/llm/calls?from&to&model&flow_id&limit&offset: LLM calls, newest first,
// with their estimated cost; and the workspace's models (most calls first) to filter by
import { llmCallsQuerySchema, resolveRange } from "@/lib/api/llm.schemas";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { searchParamsObject, workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { estimateCostUsd } from "@/lib/genai/estimate-cost";
import { withPriceOverrides } from "@/lib/genai/price-table";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listLlmCalls, listLlmModels, llmUsageSettings } from "@/lib/store/llm-queries";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const query = llmCallsQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const { fromMs, toMs } = resolveRange(query, Date.now());
  const store = getRuntime().store;
  const [{ calls, total }, models, settings] = await Promise.all([
    listLlmCalls(store, workspaceId, { model: query.model, flowId: query.flow_id, fromMs, toMs }, { limit: query.limit, offset: query.offset }),
    listLlmModels(store, workspaceId),
    llmUsageSettings(store, workspaceId),
  ]);
  const prices = withPriceOverrides(settings.prices);
  return {
    total,
    models,
    calls: calls.map((call) => ({
      trace_id: call.traceId,
      span_id: call.spanId,
      service: call.service,
      name: call.name,
      operation: call.operation,
      model: call.model,
      provider: call.provider,
      start_ms: call.startMs,
      duration_ms: call.durationMs,
      is_error: call.isError,
      error_type: call.errorType,
      input_tokens: call.inputTokens,
      output_tokens: call.outputTokens,
      cost_usd: estimateCostUsd(call, prices),
      convention: call.convention,
    })),
  };
});
