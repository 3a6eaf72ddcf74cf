// The LLM page's state as it lives in the URL: the time range, the model and the flow shown.
import { fitRange } from "@/lib/ui/fit-range";

export const LLM_RANGES = [
  { id: "15m", label: "15 min", name: "the last 15 minutes", ms: 900_000 },
  { id: "1h", label: "1 h", name: "the last hour", ms: 3_600_000 },
  { id: "6h", label: "6 h", name: "the last 6 hours", ms: 6 * 3_600_000 },
  { id: "12h", label: "12 h", name: "the last 12 hours", ms: 12 * 3_600_000 },
  { id: "24h", label: "24 h", name: "the last 24 hours", ms: 86_400_000 },
  { id: "7d", label: "7 d", name: "the last 7 days", ms: 7 * 86_400_000 },
  { id: "30d", label: "30 d", name: "the last 30 days", ms: 30 * 86_400_000 },
] as const;

export type LlmRangeId = (typeof LLM_RANGES)[number]["id"];
/** The range without data to fit. */
export const FALLBACK_RANGE: LlmRangeId = "24h";

/** As the URL has it: without a range, "auto" fits the range to the calls (see fitLlmRange). */
export interface LlmUrlParams extends Omit<LlmPageParams, "range"> {
  range: LlmRangeId | "auto";
}

/** The page's params with the range settled, as the queries use them. */
export interface LlmPageParams {
  range: LlmRangeId;
  /** A model name, or "" for every model. */
  model: string;
  /** A flow id: only calls made in that flow's traces. "" for every flow. */
  flow: string;
}

export function readLlmParams(search: URLSearchParams): LlmUrlParams {
  const range = LLM_RANGES.find((r) => r.id === search.get("range"))?.id ?? "auto";
  return { range, model: search.get("model") ?? "", flow: search.get("flow") ?? "" };
}

/** The page's own query string: "" for the defaults. */
export function writeLlmParams(p: LlmUrlParams): string {
  const out = new URLSearchParams();
  if (p.range !== "auto") out.set("range", p.range);
  if (p.model) out.set("model", p.model);
  if (p.flow) out.set("flow", p.flow);
  const text = out.toString();
  return text ? `?${text}` : "";
}

export const rangeOf = (id: LlmRangeId) => LLM_RANGES.find((r) => r.id === id)!;

/** "auto": the shortest range that shows the oldest call of the last 30 days. */
export function fitLlmRange(range: LlmUrlParams["range"], firstCallMs: number | null, nowMs = Date.now()): LlmRangeId {
  return range === "auto" ? fitRange(LLM_RANGES, firstCallMs, nowMs, FALLBACK_RANGE) : range;
}

/** The range ending now, in the API's epoch ms: [from, to). */
export function rangeWindow(id: LlmRangeId, nowMs = Date.now()): { from: number; to: number } {
  return { from: nowMs - rangeOf(id).ms, to: nowMs };
}

/** The query string of GET .../telemetry/llm/usage and .../calls for these params. */
export function llmApiQuery(p: LlmPageParams, extra: Record<string, number> = {}, nowMs = Date.now()): string {
  const { from, to } = rangeWindow(p.range, nowMs);
  const out = new URLSearchParams({ from: String(from), to: String(to) });
  if (p.model) out.set("model", p.model);
  if (p.flow) out.set("flow_id", p.flow);
  for (const [key, value] of Object.entries(extra)) out.set(key, String(value));
  return `?${out}`;
}

/**
 * The LLM page narrowed to one flow's calls. Over the longest range: a flow page links here
 * because the flow made calls at some point, and a shorter range could hide all of them.
 */
export const llmFlowHref = (workspaceId: string, flowId: string) =>
  `/w/${encodeURIComponent(workspaceId)}/llm${writeLlmParams({ range: "30d", model: "", flow: flowId })}`;
