// The response of the AI draft routes (POST .../export/ai-draft, .../journey/ai-draft).
import type { DraftUsage } from "../export/ai-draft/draft-types";

export interface AiDraftResponse {
  yaml: string;
  file_name: string;
  /** What the draft or its context lacks: cut context, expected nodes the draft dropped. */
  warnings: string[];
  usage: DraftUsage;
  /** Model calls it took: 1, or 2 when the first answer failed the checks. */
  attempts: number;
}
