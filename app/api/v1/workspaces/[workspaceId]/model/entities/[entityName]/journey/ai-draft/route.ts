// POST /api/v1/workspaces/:workspaceId/model/entities/:entityName/journey/ai-draft: the entity's lifecycle test drafted by the configured model
import { draftFileName, draftResponse, loadDraftSpans, requireLlmDraft } from "@/lib/api/ai-draft";
import { NotFoundError } from "@/lib/api/errors";
import { entityParamsSchema } from "@/lib/api/model.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { draftEntityTest } from "@/lib/export/ai-draft/draft-entity-test";
import { renderTestYaml } from "@/lib/export/render-test-yaml";
import { loadEntityJourney } from "@/lib/pipeline/entity-journey";
import { getRuntime } from "@/lib/pipeline/runtime";

export const dynamic = "force-dynamic";

export const POST = workspaceRoute("write", async (_request: Request, context: { params: Promise<{ workspaceId: string; entityName: string }> }) => {
  const { workspaceId, entityName } = entityParamsSchema.parse(await context.params);
  const { config, store } = getRuntime();
  const llm = requireLlmDraft(config.llmDraft);
  const loaded = await loadEntityJourney(store, workspaceId, entityName);
  if (!loaded) throw new NotFoundError(`No entity "${entityName}" in the model of workspace ${workspaceId}.`);
  const { entity, model, test, notes } = loaded;
  // The draft starts from the deterministic journey when there is one.
  const journeyYaml = test ? renderTestYaml(test, [`The lifecycle of ${entityName} as traffic showed it.`], notes) : null;
  const spans = await loadDraftSpans(store, workspaceId, loaded.creatorTraceId);
  return draftResponse(
    () => draftEntityTest({ entity, model, journeyYaml, spans, chat: llm.chat, modelName: llm.config.model }),
    draftFileName(`${entityName.replace(/[^\w-]+/g, "-")}-journey.yaml`),
  );
});
