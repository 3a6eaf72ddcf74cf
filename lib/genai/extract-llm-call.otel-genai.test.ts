// OpenTelemetry GenAI conventions: gen_ai.input.messages / gen_ai.output.messages /
// gen_ai.system_instructions, as JSON strings and as structured attributes.
import { describe, expect, it } from "vitest";
import { makeSpan } from "../otlp/testing/make-span";
import type { Attributes } from "../otlp/span";
import { extractLlmCall } from "./extract-llm-call";

const call = (attributes: Attributes) => extractLlmCall(makeSpan({ attributes: { "gen_ai.operation.name": "chat", ...attributes } }));

const userParts = [{ role: "user", parts: [{ type: "text", content: "Weather in Paris?" }] }];

describe("gen_ai.input.messages / gen_ai.output.messages", () => {
  it("reads parts-based messages from JSON strings", () => {
    const result = call({
      "gen_ai.input.messages": JSON.stringify(userParts),
      "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "Rainy." }], finish_reason: "stop" }]),
    });
    expect(result).toMatchObject({
      convention: "otel_genai_messages",
      input: [{ role: "user", content: "Weather in Paris?" }],
      output: [{ role: "assistant", content: "Rainy." }],
    });
  });

  it("reads already-structured attributes, tags and all", () => {
    const result = call({
      "gen_ai.input.messages": [{ role: "user", parts: [{ type: "text", content: "Hi" }, { type: "text", content: "there" }] }],
      // A kvlist whose only key looks like a tag arrives wrapped in $kvlist.
      "gen_ai.output.messages": [{ $kvlist: { role: "assistant", parts: [{ type: "tool_call", id: "c1", name: "add", arguments: { a: { $double: 2 }, b: "x" } }] } }],
    });
    expect(result?.input).toEqual([{ role: "user", content: "Hi\nthere" }]);
    expect(result?.output).toEqual([{ role: "assistant", content: "", toolCalls: [{ id: "c1", name: "add", arguments: '{"a":2,"b":"x"}' }] }]);
  });

  it("gives each tool response its own tool message answering its call", () => {
    const input = [
      {
        role: "user",
        parts: [
          { type: "tool_call_response", id: "a", result: "sunny" }, // pydantic-ai writes `result`
          { type: "tool_call_response", id: "b", response: { temp: 20 } },
        ],
      },
    ];
    expect(call({ "gen_ai.input.messages": JSON.stringify(input) })?.input).toEqual([
      { role: "tool", content: "sunny", toolCallId: "a" },
      { role: "tool", content: '{"temp":20}', toolCallId: "b" },
    ]);
  });

  it("reads chat-completions messages ({role, content}) written under the same attribute", () => {
    const input = [
      { role: "system", content: "Be brief." },
      { role: "assistant", content: null, tool_calls: [{ id: "t1", type: "function", function: { name: "lookup", arguments: '{"q":"x"}' } }] },
      { role: "tool", tool_call_id: "t1", content: "found" },
    ];
    expect(call({ "gen_ai.input.messages": JSON.stringify(input) })?.input).toEqual([
      { role: "system", content: "Be brief." },
      { role: "assistant", content: "", toolCalls: [{ id: "t1", name: "lookup", arguments: '{"q":"x"}' }] },
      { role: "tool", content: "found", toolCallId: "t1" },
    ]);
  });

  it("keeps media and reasoning out of the text", () => {
    const input = [{ role: "user", parts: [{ type: "text", content: "What is this?" }, { type: "blob", modality: "image", content: "aGk=" }, { type: "uri", modality: "image", uri: "https://x/y.png" }] }];
    const output = [{ role: "assistant", parts: [{ type: "reasoning", content: "Looks like..." }, { type: "text", content: "A cat." }] }];
    const result = call({ "gen_ai.input.messages": JSON.stringify(input), "gen_ai.output.messages": JSON.stringify(output) });
    expect(result?.input).toEqual([{ role: "user", content: "What is this?" }]);
    expect(result?.output).toEqual([{ role: "assistant", content: "A cat." }]);
  });

  it("falls back to the attribute's text when its JSON is malformed", () => {
    const truncated = '[{"role":"user","parts":[{"type":"text","content":"Weather in Par';
    expect(call({ "gen_ai.input.messages": truncated })).toMatchObject({ input: [{ role: "user", content: truncated }], convention: "otel_genai_messages" });
  });
});

describe("gen_ai.system_instructions", () => {
  it("leads the input as a system message, from a parts array", () => {
    const result = call({
      "gen_ai.system_instructions": JSON.stringify([{ type: "text", content: "Be brief." }, { type: "text", content: "Use metric units." }]),
      "gen_ai.input.messages": JSON.stringify(userParts),
    });
    expect(result?.input).toEqual([
      { role: "system", content: "Be brief.\nUse metric units." },
      { role: "user", content: "Weather in Paris?" },
    ]);
  });

  it("reads plain text as the instructions", () => {
    expect(call({ "gen_ai.system_instructions": "Be brief.", "gen_ai.input.messages": JSON.stringify(userParts) })?.input[0]).toEqual({ role: "system", content: "Be brief." });
  });

  it("is kept once when the input repeats it as its first message", () => {
    const input = [{ role: "system", parts: [{ type: "text", content: "Be brief." }] }, ...userParts];
    const result = call({ "gen_ai.system_instructions": JSON.stringify([{ type: "text", content: "Be brief." }]), "gen_ai.input.messages": JSON.stringify(input) });
    expect(result?.input.map((m) => m.role)).toEqual(["system", "user"]);
  });

  it("alone is recorded content", () => {
    expect(call({ "gen_ai.system_instructions": "Be brief." })).toMatchObject({ input: [{ role: "system", content: "Be brief." }], output: [], convention: "otel_genai_messages" });
  });
});
