// POST .../diagnosis/summary of a flow and of an entry point: the model's failures become their
// API errors, and the answer is marked as generated with the facts it cites.
import { LLM_FAILURE_STATUS, LlmDraftError } from "../export/ai-draft/llm-draft-error";
import type { DiagnosisSummary } from "../pipeline/summarize-diagnosis";
import { ApiError, NotFoundError } from "./errors";

export interface DiagnosisSummaryResponse {
  /** Always true: the text is a model's, not Flowprint's computation. */
  generated: true;
  model: string;
  summary: string;
  cited_facts: { id: string; text: string }[];
  facts: { id: string; text: string }[];
  usage: { prompt_tokens: number | null; completion_tokens: number | null };
}

export async function diagnosisSummaryResponse(summarize: () => Promise<DiagnosisSummary | null>, model: string, notFound: string): Promise<DiagnosisSummaryResponse> {
  let summary: DiagnosisSummary | null;
  try {
    summary = await summarize();
  } catch (error) {
    if (error instanceof LlmDraftError) throw new ApiError(LLM_FAILURE_STATUS[error.code], error.code, error.message);
    throw error;
  }
  if (!summary) throw new NotFoundError(notFound);
  return {
    generated: true,
    model,
    summary: summary.text,
    cited_facts: summary.citedFacts,
    facts: summary.facts,
    usage: { prompt_tokens: summary.promptTokens, completion_tokens: summary.completionTokens },
  };
}
