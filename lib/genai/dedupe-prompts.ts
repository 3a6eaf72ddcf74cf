// Groups LLM calls by prompt template: calls whose system and user messages differ only in
// variables (numbers, ids, UUIDs, emails, URLs, dates, quoted strings, and a few differing
// words in user messages) count as one prompt. The template itself is the explanation: "user: Summarise order
// {num} for {email}" says what was collapsed and why.
import { mergeTemplates, renderTemplate, shapeKey, tokenizeMessage, type MessageTemplate } from "./dedupe-prompts-merge";
import { promptTemplateKey } from "./dedupe-prompts-mask";
import type { LlmCall } from "./llm-call";

export { promptTemplateKey };

/** Roles whose messages make up the prompt; assistant and tool turns are its history, not it. */
const PROMPT_ROLES: ReadonlySet<string> = new Set(["system", "developer", "user"]);

export type DedupableCall = Pick<LlmCall, "input" | "startMs">;

export interface PromptTemplateGroup<C extends DedupableCall> {
  /** One line per prompt message, `role: text`, with variables masked ({num}, {email}, {var}, ...). */
  template: string;
  count: number;
  /** The call kept for the group: the earliest by default, the most recent with keep "latest". */
  call: C;
  firstSeenMs: number;
  lastSeenMs: number;
}

export interface DedupedPrompts<C extends DedupableCall> {
  /** Most frequent first; ties by first appearance. */
  groups: PromptTemplateGroup<C>[];
  /** Calls without a recorded system, developer or user message; in no group. */
  callsWithoutPrompt: number;
}

export interface DedupeOptions {
  /** Which call represents a group. Default "first": the earliest, which never changes as new calls arrive. */
  keep?: "first" | "latest";
}

interface Group<C extends DedupableCall> {
  messages: MessageTemplate[];
  count: number;
  call: C;
  firstSeenMs: number;
  lastSeenMs: number;
  order: number;
}

export function dedupePrompts<C extends DedupableCall>(calls: readonly C[], options: DedupeOptions = {}): DedupedPrompts<C> {
  const keep = options.keep ?? "first";
  // Merging depends on the order prompts are seen in; time order makes the groups independent
  // of how the caller happened to order the calls (the sort is stable for equal times).
  const ordered = [...calls].sort((a, b) => a.startMs - b.startMs);
  const byMaskedKey = new Map<string, Group<C>>();
  const byShape = new Map<string, Group<C>[]>();
  const groups: Group<C>[] = [];
  let callsWithoutPrompt = 0;

  for (const call of ordered) {
    const prompt = call.input
      .filter((message) => PROMPT_ROLES.has(message.role.toLowerCase()) && message.content.trim() !== "")
      .map((message) => ({ role: message.role.toLowerCase(), text: promptTemplateKey(message.content) }));
    if (prompt.length === 0) {
      callsWithoutPrompt += 1;
      continue;
    }
    const maskedKey = prompt.map((message) => `${message.role}\u0000${message.text}`).join("\u0001");
    let group = byMaskedKey.get(maskedKey);
    if (group === undefined) {
      const messages = prompt.map((message) => tokenizeMessage(message.role, message.text));
      const shape = shapeKey(messages);
      const candidates = byShape.get(shape) ?? [];
      for (const candidate of candidates) {
        const merged = mergeTemplates(candidate.messages, messages);
        if (merged !== null) {
          candidate.messages = merged;
          group = candidate;
          break;
        }
      }
      if (group === undefined) {
        group = { messages, count: 0, call, firstSeenMs: call.startMs, lastSeenMs: call.startMs, order: groups.length };
        groups.push(group);
        byShape.set(shape, [...candidates, group]);
      }
      byMaskedKey.set(maskedKey, group);
    }
    group.count += 1;
    group.lastSeenMs = Math.max(group.lastSeenMs, call.startMs);
    if (keep === "latest") group.call = call;
  }

  return {
    groups: groups
      .sort((a, b) => b.count - a.count || a.order - b.order)
      .map(({ messages, count, call, firstSeenMs, lastSeenMs }) => ({
        template: renderTemplate(messages),
        count,
        call,
        firstSeenMs,
        lastSeenMs,
      })),
    callsWithoutPrompt,
  };
}
