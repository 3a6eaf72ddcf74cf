// Ask, check, and ask once more with the problems when the first answer fails: a model fixes a
// named problem far more often than it avoids it unprompted, and a third try rarely helps.
import type { ChatFunction, ChatMessage, DraftIssue, DraftOutcome, DraftUsage } from "./draft-types";
import { extractYaml } from "./extract-yaml";
import { retryPrompt } from "./draft-prompt";

export type DraftCheck = (yaml: string) => { ok: true; warnings: string[] } | { ok: false; issues: DraftIssue[] };

export const MAX_DRAFT_ATTEMPTS = 2;

const addTokens = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

export async function draftWithRetry(messages: readonly ChatMessage[], chat: ChatFunction, check: DraftCheck, modelName: string): Promise<DraftOutcome> {
  const conversation = [...messages];
  const usage: DraftUsage = { prompt_tokens: null, completion_tokens: null, model: modelName };
  let issues: DraftIssue[] = [];
  for (let attempt = 1; attempt <= MAX_DRAFT_ATTEMPTS; attempt++) {
    const answer = await chat(conversation);
    usage.prompt_tokens = addTokens(usage.prompt_tokens, answer.promptTokens);
    usage.completion_tokens = addTokens(usage.completion_tokens, answer.completionTokens);
    const yaml = extractYaml(answer.content);
    const checked = check(yaml);
    if (checked.ok) return { ok: true, yaml, warnings: checked.warnings, usage, attempts: attempt };
    issues = checked.issues;
    conversation.push({ role: "assistant", content: answer.content }, { role: "user", content: retryPrompt(issues) });
  }
  return { ok: false, issues, usage, attempts: MAX_DRAFT_ATTEMPTS };
}
