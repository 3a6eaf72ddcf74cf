// POST /api/v1/workspaces/:workspaceId/model/entities/:entityName/journey/export: the entity's lifecycle as one runnable test
import { ApiError, NotFoundError } from "@/lib/api/errors";
import { entityParamsSchema } from "@/lib/api/model.schemas";
import { handleJson } from "@/lib/api/route-handler";
import { buildEntityJourney } from "@/lib/export/build-entity-journey";
import { FLOWPRINT_TEST_SCHEMA_ID } from "@/lib/export/flowprint-test.schema";
import { readEntryRequest } from "@/lib/export/read-entry-request";
import { renderTestYaml } from "@/lib/export/render-test-yaml";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getSystemModel } from "@/lib/pipeline/system-model";
import { loadFlowForExport } from "@/lib/store/export-queries";
import { loadEntryFlows } from "@/lib/store/journey-queries";

export const dynamic = "force-dynamic";

export const POST = handleJson(async (_request: Request, context: { params: Promise<{ workspaceId: string; entityName: string }> }) => {
  const { workspaceId, entityName } = entityParamsSchema.parse(await context.params);
  const store = getRuntime().store;
  const model = await getSystemModel(store, workspaceId);
  const entity = model.entities.find((e) => e.name === entityName);
  if (!entity) throw new NotFoundError(`No entity "${entityName}" in the model of workspace ${workspaceId}.`);
  const related = new Set(entity.operations.flatMap((o) => o.endpointIds));
  const entryFlows = await loadEntryFlows(store, workspaceId, model.endpoints.filter((e) => related.has(e.id)));
  const creatorFlow = entity.creator ? entryFlows.get(entity.creator.endpointId) : undefined;
  const loaded = creatorFlow ? await loadFlowForExport(store, workspaceId, creatorFlow.id) : null;
  const origin = loaded?.entry ? (readEntryRequest(loaded.entry.attributes, loaded.entry.spanName)?.origin ?? null) : null;
  const { test, notes } = buildEntityJourney({ entity, model, entryFlows, origin, timeoutMs: loaded?.timeoutMs ?? 30_000 });
  if (!test) throw new ApiError(422, "no_journey", `No journey for ${entityName}: ${notes.map((n) => n.message).join(" ")}`);
  const fileName = `${entityName.replace(/[^\w-]+/g, "-")}-journey.yaml`;
  const yaml = renderTestYaml(
    test,
    [
      `Flowprint test: the lifecycle of ${entityName} as traffic showed it, each step checked against the flow its endpoint starts.`,
      `Schema: ${FLOWPRINT_TEST_SCHEMA_ID}`,
      `Run: npx flowprint run ${fileName} --server <url of Flowprint> --workspace <workspace>${origin ? "" : " --base-url <url of the system>"}`,
    ],
    notes,
  );
  return { yaml, file_name: fileName, warnings: notes.map((n) => n.message), base_url: origin };
});
