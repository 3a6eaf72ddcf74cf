// GenAI content recorded as span events, and pydantic-ai's `events` attribute holding them.
import { describe, expect, it } from "vitest";
import { makeSpan } from "../otlp/testing/make-span";
import type { Attributes, SpanEvent } from "../otlp/span";
import { extractLlmCall } from "./extract-llm-call";

const event = (name: string, attributes: Attributes): SpanEvent => ({ timeNs: 1500n, name, attributes, droppedAttributesCount: 0 });
const callWith = (events: SpanEvent[], attributes: Attributes = { "gen_ai.operation.name": "chat" }) => extractLlmCall(makeSpan({ attributes, events }));

describe("gen_ai.content.prompt / gen_ai.content.completion events", () => {
  it("reads the prompt and completion texts", () => {
    const result = callWith([event("gen_ai.content.prompt", { "gen_ai.prompt": "Tell me a joke" }), event("gen_ai.content.completion", { "gen_ai.completion": "No." })]);
    expect(result).toMatchObject({ convention: "otel_genai_events", input: [{ role: "user", content: "Tell me a joke" }], output: [{ role: "assistant", content: "No." }] });
  });

  it("reads messages when the event holds a JSON list of them", () => {
    const prompt = JSON.stringify([{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }]);
    expect(callWith([event("gen_ai.content.prompt", { "gen_ai.prompt": prompt })])?.input.map((m) => m.role)).toEqual(["system", "user"]);
  });

  it("makes the span a call even without a model or operation", () => {
    expect(callWith([event("gen_ai.content.prompt", { "gen_ai.prompt": "Hi" })], {})).not.toBeNull();
  });
});

describe("per-message events", () => {
  it("reads each message in order, the role from the event name unless recorded", () => {
    const result = callWith([
      event("gen_ai.system.message", { content: "Be brief." }),
      event("gen_ai.user.message", { content: "Weather?" }),
      event("gen_ai.assistant.message", { tool_calls: [{ id: "c1", type: "function", function: { name: "weather", arguments: "{}" } }] }),
      event("gen_ai.tool.message", { content: "rainy", id: "c1" }),
      event("gen_ai.choice", { index: 0, finish_reason: "stop", message: { content: "Rainy." } }),
    ]);
    expect(result?.input).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Weather?" },
      { role: "assistant", content: "", toolCalls: [{ id: "c1", name: "weather", arguments: "{}" }] },
      { role: "tool", content: "rainy", toolCallId: "c1" },
    ]);
    expect(result?.output).toEqual([{ role: "assistant", content: "Rainy." }]);
  });

  it("reads a choice whose message or tool calls arrive as JSON strings", () => {
    const message = JSON.stringify({ role: "assistant", tool_calls: [{ id: "c2", function: { name: "f", arguments: "{}" } }] });
    expect(callWith([event("gen_ai.choice", { index: 0, message })])?.output).toEqual([{ role: "assistant", content: "", toolCalls: [{ id: "c2", name: "f", arguments: "{}" }] }]);
  });

  it("reads a choice recorded without a message wrapper", () => {
    expect(callWith([event("gen_ai.choice", { index: 0, content: "Done." })])?.output).toEqual([{ role: "assistant", content: "Done." }]);
  });

  it("ignores events of other kinds", () => {
    expect(callWith([event("exception", { "exception.type": "Timeout" })])).toMatchObject({ input: [], output: [], convention: null });
  });
});

describe("pydantic-ai's `events` attribute", () => {
  it("reads the events it lists", () => {
    const events = [
      { content: "Be brief.", role: "system", "gen_ai.message.index": 0, "event.name": "gen_ai.system.message" },
      { content: "What is OTLP?", role: "user", "gen_ai.message.index": 0, "event.name": "gen_ai.user.message" },
      { index: 0, message: { role: "assistant", content: "A protocol." }, "event.name": "gen_ai.choice" },
    ];
    const result = callWith([], { "gen_ai.operation.name": "chat", events: JSON.stringify(events) });
    expect(result).toMatchObject({
      convention: "otel_genai_events",
      input: [{ role: "system", content: "Be brief." }, { role: "user", content: "What is OTLP?" }],
      output: [{ role: "assistant", content: "A protocol." }],
    });
  });

  it("is not read when it holds no GenAI events", () => {
    expect(callWith([], { "gen_ai.operation.name": "chat", events: "not a list" })?.convention).toBeNull();
  });
});
