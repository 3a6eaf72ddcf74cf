// "Summarise" on a diagnosis: the diagnosis is computed as for GET .../diagnosis, reduced to its
// numbered facts, and only those go to the configured model.
import { buildDiagnosisFacts, type DiagnosisFact } from "../diagnosis/summary/diagnosis-facts";
import { readSummary, type ReadSummary } from "../diagnosis/summary/read-summary";
import { buildSummaryMessages } from "../diagnosis/summary/summary-prompt";
import type { ChatFunction } from "../export/ai-draft/draft-types";
import type { Store } from "../store/db";
import { diagnoseTraffic, type DiagnosisRequest, type DiagnosisScope } from "./diagnose-traffic";

export interface DiagnosisSummary extends ReadSummary {
  facts: DiagnosisFact[];
  promptTokens: number | null;
  completionTokens: number | null;
}

/** null when the scope has no flows. */
export async function summarizeDiagnosis(
  store: Store,
  workspaceId: string,
  scope: DiagnosisScope,
  scopeName: string,
  request: DiagnosisRequest,
  chat: ChatFunction,
): Promise<DiagnosisSummary | null> {
  const diagnosis = await diagnoseTraffic(store, workspaceId, scope, request);
  if (!diagnosis) return null;
  const facts = buildDiagnosisFacts(diagnosis);
  const answer = await chat(buildSummaryMessages(scopeName, facts));
  return { ...readSummary(answer.content, facts), facts, promptTokens: answer.promptTokens, completionTokens: answer.completionTokens };
}
