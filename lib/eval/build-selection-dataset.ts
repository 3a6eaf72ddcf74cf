// LLM calls chosen by model, time range or flow → one eval dataset. Prompts that differ only in
// their variables collapse to one case (the earliest call of each template), most frequent
// templates first, so a dataset of a busy endpoint is its distinct prompts, not its traffic.
import { dedupePrompts } from "../genai/dedupe-prompts";
import type { LlmCall } from "../genai/llm-call";
import { buildEvalDataset } from "./build-eval-dataset";
import type { EvalDataset } from "./eval-dataset.schema";

export interface SelectionFilters {
  workspace: string;
  model?: string;
  from?: number;
  to?: number;
  flow_id?: string;
  dedupe: boolean;
  limit: number;
  name?: string;
}

export interface SelectionDataset {
  dataset: EvalDataset;
  /** Calls considered, and how many prompt templates they held (= calls when not deduplicated). */
  calls: number;
  templates: number;
}

export function buildSelectionDataset(calls: readonly LlmCall[], filters: SelectionFilters, exportedAt: Date): SelectionDataset {
  const withPrompt = calls.filter((call) => call.convention !== null);
  let chosen: LlmCall[];
  let templates = withPrompt.length;
  if (filters.dedupe) {
    const { groups } = dedupePrompts(withPrompt);
    templates = groups.length;
    chosen = groups.slice(0, filters.limit).map((g) => g.call);
  } else {
    chosen = withPrompt.slice(0, filters.limit);
  }
  // Cases in time order, whatever order the templates ranked in.
  chosen.sort((a, b) => a.startMs - b.startMs || a.spanId.localeCompare(b.spanId));
  const { workspace, name, ...rest } = filters;
  const source = {
    type: "selection" as const,
    workspace,
    ...Object.fromEntries(
      Object.entries(rest).map(([key, value]) => [key, (key === "from" || key === "to") && typeof value === "number" ? new Date(value).toISOString() : value]),
    ),
  };
  const dataset = buildEvalDataset({ calls: chosen, ...(name ? { name } : {}), source, exportedAt });
  return { dataset, calls: withPrompt.length, templates };
}
