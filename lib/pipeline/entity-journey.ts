// An entity's journey as the export and the AI draft both start from it: the model, the
// flows its endpoints start, and where the creating request was recorded going.
import { buildEntityJourney, type EntityJourney } from "../export/build-entity-journey";
import { readEntryRequest } from "../export/read-entry-request";
import type { ModelEntity, SystemModel } from "../model/model-types";
import type { Store } from "../store/db";
import { loadFlowForExport } from "../store/export-queries";
import { loadEntryFlows } from "../store/journey-queries";
import { getSystemModel } from "./system-model";

export interface LoadedJourney extends EntityJourney {
  model: SystemModel;
  entity: ModelEntity;
  origin: string | null;
  /** The creating flow's representative trace, when retention kept it. */
  creatorTraceId: string | null;
}

/** Null when the model knows no entity of that name. */
export async function loadEntityJourney(store: Store, workspaceId: string, entityName: string): Promise<LoadedJourney | null> {
  const model = await getSystemModel(store, workspaceId);
  const entity = model.entities.find((e) => e.name === entityName);
  if (!entity) return null;
  const related = new Set(entity.operations.flatMap((o) => o.endpointIds));
  const entryFlows = await loadEntryFlows(store, workspaceId, model.endpoints.filter((e) => related.has(e.id)));
  const creatorFlow = entity.creator ? entryFlows.get(entity.creator.endpointId) : undefined;
  const loaded = creatorFlow ? await loadFlowForExport(store, workspaceId, creatorFlow.id) : null;
  const origin = loaded?.entry ? (readEntryRequest(loaded.entry.attributes, loaded.entry.spanName)?.origin ?? null) : null;
  const journey = buildEntityJourney({ entity, model, entryFlows, origin, timeoutMs: loaded?.timeoutMs ?? 30_000 });
  return { ...journey, model, entity, origin, creatorTraceId: loaded?.entry?.traceId ?? null };
}
