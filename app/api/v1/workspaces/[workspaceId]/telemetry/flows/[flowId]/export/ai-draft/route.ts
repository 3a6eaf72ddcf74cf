// POST /api/v1/workspaces/:workspaceId/telemetry/flows/:flowId/export/ai-draft: the flow's test drafted by the configured model
import { draftFileName, draftResponse, loadDraftSpans, requireLlmDraft } from "@/lib/api/ai-draft";
import { NotFoundError } from "@/lib/api/errors";
import { flowParamsSchema } from "@/lib/api/flows.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { draftFlowTest } from "@/lib/export/ai-draft/draft-flow-test";
import { exportFlow } from "@/lib/export/export-flow";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getSystemModel } from "@/lib/pipeline/system-model";
import { loadFlowForExport } from "@/lib/store/export-queries";

export const dynamic = "force-dynamic";

export const POST = workspaceRoute("write", async (_request: Request, context: { params: Promise<{ workspaceId: string; flowId: string }> }) => {
  const { workspaceId, flowId } = flowParamsSchema.parse(await context.params);
  const { config, store } = getRuntime();
  const llm = requireLlmDraft(config.llmDraft);
  const loaded = await loadFlowForExport(store, workspaceId, flowId);
  if (!loaded) throw new NotFoundError(`No flow ${flowId} in workspace ${workspaceId}.`);
  const model = await getSystemModel(store, workspaceId);
  const exported = exportFlow(loaded.flow, loaded.entry, "flowprint", { timeoutMs: loaded.timeoutMs, setup: "auto", model });
  const spans = await loadDraftSpans(store, workspaceId, loaded.entry?.traceId ?? null);
  return draftResponse(
    () => draftFlowTest({ flow: loaded.flow, deterministicYaml: exported.yaml, model, spans, chat: llm.chat, modelName: llm.config.model }),
    draftFileName(exported.file_name),
  );
});
