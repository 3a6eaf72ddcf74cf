import { describe, expect, it } from "vitest";
import type { ChatAnswer, ChatFunction, ChatMessage } from "./draft-types";
import { draftWithRetry, type DraftCheck } from "./draft-with-retry";
import { LlmDraftError } from "./llm-draft-error";

/** A chat that answers from a script and records every conversation it was sent. */
function scriptedChat(answers: (Partial<ChatAnswer> & { content: string })[]): { chat: ChatFunction; calls: ChatMessage[][] } {
  const calls: ChatMessage[][] = [];
  const chat: ChatFunction = async (messages) => {
    calls.push([...messages]);
    const answer = answers[calls.length - 1];
    if (!answer) throw new Error("no more scripted answers");
    return { promptTokens: 100, completionTokens: 10, ...answer };
  };
  return { chat, calls };
}

const check: DraftCheck = (yaml) => (yaml.includes("good") ? { ok: true, warnings: ["w"] } : { ok: false, issues: [{ path: "trigger t", message: `bad: ${yaml.trim()}` }] });
const start: ChatMessage[] = [
  { role: "system", content: "rules" },
  { role: "user", content: "context" },
];

describe("draftWithRetry", () => {
  it("returns the first answer that passes, with its warnings and usage", async () => {
    const { chat, calls } = scriptedChat([{ content: "```yaml\ngood: 1\n```" }]);
    expect(await draftWithRetry(start, chat, check, "m")).toEqual({ ok: true, yaml: "good: 1\n", warnings: ["w"], usage: { prompt_tokens: 100, completion_tokens: 10, model: "m" }, attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it("asks once more with the answer and its problems appended, and sums the usage", async () => {
    const { chat, calls } = scriptedChat([{ content: "```yaml\nfirst: 1\n```" }, { content: "good: 2", promptTokens: 150, completionTokens: 12 }]);
    const outcome = await draftWithRetry(start, chat, check, "m");
    expect(outcome).toMatchObject({ ok: true, yaml: "good: 2\n", attempts: 2, usage: { prompt_tokens: 250, completion_tokens: 22 } });
    expect(calls[1].slice(0, 3)).toEqual([...start, { role: "assistant", content: "```yaml\nfirst: 1\n```" }]);
    expect(calls[1][3]).toEqual({ role: "user", content: expect.stringContaining("- trigger t: bad: first: 1") });
    // The first call's conversation was not changed afterwards.
    expect(calls[0]).toEqual(start);
  });

  it("gives up after two failing answers with the last one's problems", async () => {
    const { chat, calls } = scriptedChat([{ content: "one: 1" }, { content: "two: 2" }, { content: "good: 3" }]);
    expect(await draftWithRetry(start, chat, check, "m")).toEqual({
      ok: false,
      issues: [{ path: "trigger t", message: "bad: two: 2" }],
      usage: { prompt_tokens: 200, completion_tokens: 20, model: "m" },
      attempts: 2,
    });
    expect(calls).toHaveLength(2);
  });

  it("reports no token counts when the endpoint reports none, and the ones it reports otherwise", async () => {
    const none = scriptedChat([{ content: "good", promptTokens: null, completionTokens: null }]);
    expect((await draftWithRetry(start, none.chat, check, "m")).usage).toEqual({ prompt_tokens: null, completion_tokens: null, model: "m" });
    const some = scriptedChat([{ content: "bad", promptTokens: null, completionTokens: null }, { content: "good" }]);
    expect((await draftWithRetry(start, some.chat, check, "m")).usage).toEqual({ prompt_tokens: 100, completion_tokens: 10, model: "m" });
  });

  it("lets a model failure through, on the first call or the retry", async () => {
    const failing: ChatFunction = async () => {
      throw new LlmDraftError("llm_timeout", "too slow");
    };
    await expect(draftWithRetry(start, failing, check, "m")).rejects.toMatchObject({ code: "llm_timeout" });
    let calls = 0;
    const secondFails: ChatFunction = async () => {
      if (++calls === 2) throw new LlmDraftError("llm_rate_limited", "later");
      return { content: "bad", promptTokens: 1, completionTokens: 1 };
    };
    await expect(draftWithRetry(start, secondFails, check, "m")).rejects.toMatchObject({ code: "llm_rate_limited" });
  });
});
