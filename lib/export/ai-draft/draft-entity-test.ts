// An entity's lifecycle test drafted by a model from the entity's slice of the system model,
// the deterministic journey export when there is one, and the creating flow's trace: create
// it, then use its other operations with the id the create returned.
import type { ModelEntity, SystemModel } from "../../model/model-types";
import { loadFlowprintTest } from "../load-flowprint-test";
import { buildDraftContext } from "./build-draft-context";
import { draftHeader } from "./draft-flow-test";
import { draftSystemPrompt } from "./draft-prompt";
import { DEFAULT_DRAFT_BOUNDS, type ChatFunction, type DraftBounds, type DraftOutcome, type DraftSpan } from "./draft-types";
import { draftWithRetry } from "./draft-with-retry";
import { sliceModel } from "./slice-model";
import { validateDraft } from "./validate-draft";

export interface EntityDraftInput {
  entity: ModelEntity;
  model: SystemModel;
  /** The deterministic journey export of the entity, when traffic showed enough for one. */
  journeyYaml: string | null;
  /** The representative trace of the flow that creates the entity, in tree order. */
  spans?: readonly DraftSpan[];
  chat: ChatFunction;
  modelName: string;
  bounds?: DraftBounds;
}

export async function draftEntityTest(input: EntityDraftInput): Promise<DraftOutcome> {
  const loaded = input.journeyYaml !== null ? loadFlowprintTest(input.journeyYaml) : null;
  const deterministic = loaded?.ok ? loaded.test : null;
  const endpointIds = [...(input.entity.creator ? [input.entity.creator.endpointId] : []), ...input.entity.operations.flatMap((o) => o.endpointIds)];
  const services = input.model.endpoints.filter((e) => endpointIds.includes(e.id)).map((e) => e.service);
  const slice = sliceModel(input.model, { services: [...new Set(services)], endpointIds, entityNames: [input.entity.name] });
  const context = buildDraftContext(
    {
      task: `Write a Flowprint test of the lifecycle of the entity "${input.entity.name}": create it (in setup or as the trigger, creating what it needs first), then read, update, list or delete it with the endpoints the model lists for it, taking its id from the create response. Expect the trace nodes the model says these endpoints cause.${input.journeyYaml !== null ? " Start from the deterministic journey export and keep what it checks." : ""}`,
      deterministicYaml: input.journeyYaml,
      spans: input.spans ?? [],
      slice,
      model: input.model,
    },
    input.bounds ?? DEFAULT_DRAFT_BOUNDS,
  );
  const outcome = await draftWithRetry(
    [
      { role: "system", content: draftSystemPrompt() },
      { role: "user", content: context.message },
    ],
    input.chat,
    (yaml) => validateDraft(yaml, { model: input.model, deterministic }),
    input.modelName,
  );
  if (!outcome.ok) return outcome;
  return { ...outcome, yaml: draftHeader(input.modelName, `the entity "${input.entity.name}"`) + outcome.yaml, warnings: [...context.notes, ...outcome.warnings] };
}
