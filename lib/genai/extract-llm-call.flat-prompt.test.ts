// Flat gen_ai.prompt / gen_ai.completion attributes.
import { describe, expect, it } from "vitest";
import { makeSpan } from "../otlp/testing/make-span";
import type { Attributes } from "../otlp/span";
import { extractLlmCall } from "./extract-llm-call";

const call = (attributes: Attributes) => extractLlmCall(makeSpan({ attributes }));

describe("gen_ai.prompt / gen_ai.completion", () => {
  it("reads plain text as the user's prompt and the assistant's completion", () => {
    expect(call({ "gen_ai.prompt": "Summarise the incident.", "gen_ai.completion": "A goroutine leak." })).toMatchObject({
      convention: "otel_genai_prompt",
      input: [{ role: "user", content: "Summarise the incident." }],
      output: [{ role: "assistant", content: "A goroutine leak." }],
    });
  });

  it("reads a JSON list of messages", () => {
    const prompt = JSON.stringify([{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }]);
    expect(call({ "gen_ai.prompt": prompt })?.input).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
    ]);
  });

  it("reads a single message object with Anthropic content blocks, as LangSmith records it", () => {
    const completion = JSON.stringify({ role: "assistant", content: [{ type: "text", text: "Checking." }, { type: "tool_use", id: "toolu_1", name: "weather", input: { city: "Berlin" } }] });
    expect(call({ "gen_ai.completion": completion })?.output).toEqual([
      { role: "assistant", content: "Checking.", toolCalls: [{ id: "toolu_1", name: "weather", arguments: '{"city":"Berlin"}' }] },
    ]);
  });

  it("keeps JSON of no known shape as text", () => {
    const prompt = '{"question": "why?", "context": [1, 2]}';
    expect(call({ "gen_ai.prompt": prompt })?.input).toEqual([{ role: "user", content: prompt }]);
  });

  it("keeps text that merely starts like JSON", () => {
    expect(call({ "gen_ai.prompt": "[draft] fix the build" })?.input).toEqual([{ role: "user", content: "[draft] fix the build" }]);
  });

  it("does not mistake OpenLLMetry's indexed keys for the flat attribute", () => {
    expect(call({ "gen_ai.prompt.0.role": "user", "gen_ai.prompt.0.content": "Hi" })?.convention).toBe("openllmetry");
  });
});
