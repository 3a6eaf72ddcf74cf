// POST /api/v1/workspaces/:workspaceId/telemetry/entry-points/diagnosis/summary?entry_service&entry_operation&from&to&sample_size:
// a short explanation of the entry point's diagnosis by the configured model, from its computed facts only
import { requireLlmDraft } from "@/lib/api/ai-draft";
import { diagnosisSummaryResponse } from "@/lib/api/diagnosis-summary";
import { entryPointDiagnosisQuerySchema, resolveDiagnosisRange } from "@/lib/api/diagnosis.schemas";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { resolveSampleSize } from "@/lib/pipeline/diagnose-traffic";
import { getRuntime } from "@/lib/pipeline/runtime";
import { summarizeDiagnosis } from "@/lib/pipeline/summarize-diagnosis";

export const dynamic = "force-dynamic";

export const POST = workspaceRoute("write", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const query = entryPointDiagnosisQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { config, store } = getRuntime();
  const llm = requireLlmDraft(config.llmDraft);
  const range = resolveDiagnosisRange(query, Date.now());
  const sampleSize = await resolveSampleSize(store, workspaceId, query.sample_size);
  const scope = { entryService: query.entry_service, entryOperation: query.entry_operation };
  return diagnosisSummaryResponse(
    () => summarizeDiagnosis(store, workspaceId, scope, `the entry point ${query.entry_service} → ${query.entry_operation}`, { ...range, sampleSize }, llm.chat),
    llm.config.model,
    `No flows of the entry point ${query.entry_service} → ${query.entry_operation} in workspace ${workspaceId}.`,
  );
});
