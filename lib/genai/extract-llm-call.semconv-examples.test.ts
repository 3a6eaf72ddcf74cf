// The GenAI semantic conventions' own examples of gen_ai.input.messages, gen_ai.output.messages
// and gen_ai.system_instructions, read from tests/fixtures/corpora/genai.
import { describe, expect, it } from "vitest";
import { makeSpan } from "../otlp/testing/make-span";
import { extractLlmCall } from "./extract-llm-call";
import type { LlmCall } from "./llm-call";
import { readSemconvExamples } from "./testing/read-semconv-examples";

const examples = readSemconvExamples();

function callOf(example: string): LlmCall {
  const attributes = examples.get(example);
  if (!attributes) throw new Error(`no example "${example}" in the document; it has ${[...examples.keys()].join(", ")}`);
  const call = extractLlmCall(makeSpan({ attributes: { "gen_ai.operation.name": "chat", ...attributes } }));
  if (!call) throw new Error(`example "${example}" is not read as a call`);
  return call;
}

const joke = " Why did the developer bring OpenTelemetry to the party? Because it always knows how to trace the fun!";

describe(`OpenTelemetry GenAI semconv examples in tests/fixtures/corpora/genai`, () => {
  it("holds the examples these tests name", () => {
    expect([...examples.keys()]).toEqual(["simple", "event", "tool-call-span-1", "tool-call-span-2", "instructions", "reasoning", "built-in-tools", "choices"]);
  });

  it.each(["simple", "event"])("%s: a system and a user message in, one answer out", (example) => {
    const call = callOf(example);
    expect(call.convention).toBe("otel_genai_messages");
    expect(call.input).toEqual([
      { role: "system", content: "You are a helpful bot" },
      { role: "user", content: "Tell me a joke about OpenTelemetry" },
    ]);
    expect(call.output).toEqual([{ role: "assistant", content: joke }]);
  });

  it("tool-call-span-1: the answer is a tool call, its object arguments kept as JSON text", () => {
    expect(callOf("tool-call-span-1").output).toEqual([
      { role: "assistant", content: "", toolCalls: [{ id: "call_VSPygqKTWdrhaFErNvMV18Yl", name: "get_weather", arguments: '{"location":"Paris"}' }] },
    ]);
  });

  it("tool-call-span-2: the tool's response is a tool message answering the call", () => {
    const call = callOf("tool-call-span-2");
    expect(call.input.map((m) => [m.role, m.content, m.toolCallId])).toEqual([
      ["user", "Weather in Paris?", undefined],
      ["assistant", "", undefined],
      ["tool", "rainy, 57°F", "call_VSPygqKTWdrhaFErNvMV18Yl"],
    ]);
    expect(call.output).toEqual([{ role: "assistant", content: "The weather in Paris is currently rainy with a temperature of 57°F." }]);
  });

  it("instructions: gen_ai.system_instructions lead the input, before the input's own system message", () => {
    expect(callOf("instructions").input).toEqual([
      { role: "system", content: "You must never tell jokes" },
      { role: "system", content: "You are a helpful bot" },
      { role: "user", content: "Tell me a joke about OpenTelemetry" },
    ]);
  });

  it("reasoning: the reasoning part is not the answer's text", () => {
    expect(callOf("reasoning").output).toEqual([{ role: "assistant", content: joke }]);
  });

  it("built-in-tools: calls the provider ran itself are not tool calls for the application", () => {
    expect(callOf("built-in-tools").output).toEqual([
      { role: "assistant", content: "The generated random number is **89**, and the result of squaring it is **7921**" },
    ]);
  });

  it("choices: each choice is an output message", () => {
    expect(callOf("choices").output).toEqual([
      { role: "assistant", content: joke },
      { role: "assistant", content: " Why did OpenTelemetry get promoted? It had great span of control!" },
    ]);
  });
});
