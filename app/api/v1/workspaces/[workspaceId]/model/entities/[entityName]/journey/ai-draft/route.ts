// POST /api/v1/workspaces/:workspaceId/model/entities/:entityName/journey/ai-draft: the entity's lifecycle test drafted by the configured model
import { draftFileName, draftResponse, loadDraftSpans, requireLlmDraft } from "@/lib/api/ai-draft";
import { NotFoundError } from "@/lib/api/errors";
import { entityParamsSchema } from "@/lib/api/model.schemas";
import { handleJson } from "@/lib/api/route-handler";
import { draftEntityTest } from "@/lib/export/ai-draft/draft-entity-test";
import { buildEntityJourney } from "@/lib/export/build-entity-journey";
import { readEntryRequest } from "@/lib/export/read-entry-request";
import { renderTestYaml } from "@/lib/export/render-test-yaml";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getSystemModel } from "@/lib/pipeline/system-model";
import { loadFlowForExport } from "@/lib/store/export-queries";
import { loadEntryFlows } from "@/lib/store/journey-queries";

export const dynamic = "force-dynamic";

export const POST = handleJson(async (_request: Request, context: { params: Promise<{ workspaceId: string; entityName: string }> }) => {
  const { workspaceId, entityName } = entityParamsSchema.parse(await context.params);
  const { config, store } = getRuntime();
  const llm = requireLlmDraft(config.llmDraft);
  const model = await getSystemModel(store, workspaceId);
  const entity = model.entities.find((e) => e.name === entityName);
  if (!entity) throw new NotFoundError(`No entity "${entityName}" in the model of workspace ${workspaceId}.`);
  // The deterministic journey, read as .../journey/export reads it; the draft starts from it when there is one.
  const related = new Set(entity.operations.flatMap((o) => o.endpointIds));
  const entryFlows = await loadEntryFlows(store, workspaceId, model.endpoints.filter((e) => related.has(e.id)));
  const creatorFlow = entity.creator ? entryFlows.get(entity.creator.endpointId) : undefined;
  const loaded = creatorFlow ? await loadFlowForExport(store, workspaceId, creatorFlow.id) : null;
  const origin = loaded?.entry ? (readEntryRequest(loaded.entry.attributes, loaded.entry.spanName)?.origin ?? null) : null;
  const journey = buildEntityJourney({ entity, model, entryFlows, origin, timeoutMs: loaded?.timeoutMs ?? 30_000 });
  const journeyYaml = journey.test ? renderTestYaml(journey.test, [`The lifecycle of ${entityName} as traffic showed it.`], journey.notes) : null;
  const spans = await loadDraftSpans(store, workspaceId, loaded?.entry?.traceId ?? null);
  return draftResponse(
    () => draftEntityTest({ entity, model, journeyYaml, spans, chat: llm.chat, modelName: llm.config.model }),
    draftFileName(`${entityName.replace(/[^\w-]+/g, "-")}-journey.yaml`),
  );
});
