// POST /api/v1/workspaces/:workspaceId/telemetry/flows/:flowId/diagnosis/summary?from&to&sample_size:
// a short explanation of the flow's diagnosis by the configured model, from its computed facts only
import { requireLlmDraft } from "@/lib/api/ai-draft";
import { diagnosisSummaryResponse } from "@/lib/api/diagnosis-summary";
import { diagnosisQuerySchema, resolveDiagnosisRange } from "@/lib/api/diagnosis.schemas";
import { flowParamsSchema } from "@/lib/api/flows.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { resolveSampleSize } from "@/lib/pipeline/diagnose-traffic";
import { getRuntime } from "@/lib/pipeline/runtime";
import { summarizeDiagnosis } from "@/lib/pipeline/summarize-diagnosis";
import { getFlow } from "@/lib/store/flow-queries";

export const dynamic = "force-dynamic";

export const POST = workspaceRoute("write", async (request: Request, context: { params: Promise<{ workspaceId: string; flowId: string }> }) => {
  const { workspaceId, flowId } = flowParamsSchema.parse(await context.params);
  const query = diagnosisQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { config, store } = getRuntime();
  const llm = requireLlmDraft(config.llmDraft);
  const range = resolveDiagnosisRange(query, Date.now());
  const sampleSize = await resolveSampleSize(store, workspaceId, query.sample_size);
  const flow = await getFlow(store, workspaceId, flowId);
  return diagnosisSummaryResponse(
    async () => (flow ? summarizeDiagnosis(store, workspaceId, { flowId }, `the flow ${flow.name}`, { ...range, sampleSize }, llm.chat) : null),
    llm.config.model,
    `No flow ${flowId} in workspace ${workspaceId}.`,
  );
});
