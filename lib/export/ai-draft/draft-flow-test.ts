// A flow's test drafted by a model: the deterministic export improved with what the model and
// the representative trace show (setup, chained ids, statuses), checked before it is shown.
import type { SystemModel } from "../../model/model-types";
import type { PathNode } from "../../traces/path-node";
import type { FlowprintTest } from "../flowprint-test.schema";
import { loadFlowprintTest } from "../load-flowprint-test";
import { buildDraftContext } from "./build-draft-context";
import { draftSystemPrompt } from "./draft-prompt";
import { DEFAULT_DRAFT_BOUNDS, type ChatFunction, type DraftBounds, type DraftOutcome, type DraftSpan } from "./draft-types";
import { draftWithRetry } from "./draft-with-retry";
import { matchRequestEndpoint } from "./match-request-endpoint";
import { sliceModel } from "./slice-model";
import { validateDraft } from "./validate-draft";

export interface FlowDraftInput {
  flow: { id: string; name: string; path: readonly PathNode[] };
  /** The flow's deterministic Flowprint export. */
  deterministicYaml: string;
  model: SystemModel;
  /** The representative trace in tree order. */
  spans: readonly DraftSpan[];
  chat: ChatFunction;
  /** Reported in the usage. */
  modelName: string;
  bounds?: DraftBounds;
}

const requestsOf = (test: FlowprintTest) => [...test.setup, test.trigger, ...test.steps];

/** Comment lines put above a drafted file, so it never passes for a deterministic export. */
export function draftHeader(modelName: string, subject: string): string {
  return `# Drafted by a language model (${modelName}) from ${subject}, and checked against the system model.\n# Review it before relying on it.\n`;
}

export async function draftFlowTest(input: FlowDraftInput): Promise<DraftOutcome> {
  const loaded = loadFlowprintTest(input.deterministicYaml);
  const deterministic = loaded.ok ? loaded.test : null;
  const services = [...new Set([...input.flow.path.map((n) => n.service), ...input.spans.map((s) => s.service)])];
  const exportedEndpoints = deterministic ? requestsOf(deterministic).flatMap((r) => matchRequestEndpoint(input.model, r.method, r.url)?.id ?? []) : [];
  const flowEndpoints = input.model.endpoints.filter((e) => e.flowIds.includes(input.flow.id)).map((e) => e.id);
  const slice = sliceModel(input.model, { services, endpointIds: [...exportedEndpoints, ...flowEndpoints] });
  const context = buildDraftContext(
    {
      task: `Write a Flowprint test of the flow "${input.flow.name}". Start from the deterministic export and keep what it checks; make it more useful where the model and the trace show how: create the state the trigger needs in setup, take ids from earlier responses instead of recorded values, expect each request's status.`,
      deterministicYaml: input.deterministicYaml,
      spans: input.spans,
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
  return { ...outcome, yaml: draftHeader(input.modelName, `the flow "${input.flow.name}"`) + outcome.yaml, warnings: [...context.notes, ...outcome.warnings] };
}
