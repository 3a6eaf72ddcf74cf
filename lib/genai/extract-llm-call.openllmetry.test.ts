// OpenLLMetry's flattened gen_ai.prompt.N.* / gen_ai.completion.N.* attributes.
import { describe, expect, it } from "vitest";
import { makeSpan } from "../otlp/testing/make-span";
import type { Attributes } from "../otlp/span";
import { extractLlmCall } from "./extract-llm-call";

const call = (attributes: Attributes) => extractLlmCall(makeSpan({ attributes: { "gen_ai.system": "openai", ...attributes } }));

describe("OpenLLMetry messages", () => {
  it("reads prompt and completion messages in index order", () => {
    const result = call({
      "gen_ai.prompt.1.role": "user",
      "gen_ai.prompt.1.content": "Hi",
      "gen_ai.prompt.0.role": "system",
      "gen_ai.prompt.0.content": "Be brief.",
      "gen_ai.completion.0.role": "assistant",
      "gen_ai.completion.0.content": "Hello.",
      "gen_ai.completion.0.finish_reason": "stop",
    });
    expect(result).toMatchObject({
      convention: "openllmetry",
      input: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
      ],
      output: [{ role: "assistant", content: "Hello." }],
    });
  });

  it("reads completion tool calls and a tool message's call id", () => {
    const result = call({
      "gen_ai.prompt.0.role": "tool",
      "gen_ai.prompt.0.content": "rainy",
      "gen_ai.prompt.0.tool_call_id": "c0",
      "gen_ai.completion.0.role": "assistant",
      "gen_ai.completion.0.tool_calls.0.id": "c1",
      "gen_ai.completion.0.tool_calls.0.name": "weather",
      "gen_ai.completion.0.tool_calls.0.arguments": '{"city":"Paris"}',
      "gen_ai.completion.0.tool_calls.1.name": "time",
    });
    expect(result?.input).toEqual([{ role: "tool", content: "rainy", toolCallId: "c0" }]);
    expect(result?.output).toEqual([
      { role: "assistant", content: "", toolCalls: [{ id: "c1", name: "weather", arguments: '{"city":"Paris"}' }, { name: "time" }] },
    ]);
  });

  it("reads content recorded as a JSON string of content blocks", () => {
    const content = JSON.stringify([{ type: "text", text: "What is in" }, { type: "image_url", image_url: { url: "https://x/y.png" } }, { type: "text", text: "this image?" }]);
    expect(call({ "gen_ai.prompt.0.role": "user", "gen_ai.prompt.0.content": content })?.input).toEqual([{ role: "user", content: "What is in\nthis image?" }]);
  });

  it("keeps JSON content that is not content blocks as the text it is", () => {
    const content = '[{"function":{"name":"HelloTool","arguments":"{}"},"id":"call_1","type":"function"}]';
    expect(call({ "gen_ai.completion.0.role": "assistant", "gen_ai.completion.0.content": content })?.output).toEqual([{ role: "assistant", content }]);
  });

  it("skips gaps in the indices", () => {
    const result = call({ "gen_ai.prompt.0.content": "first", "gen_ai.prompt.2.content": "third" });
    expect(result?.input).toEqual([
      { role: "user", content: "first" },
      { role: "user", content: "third" },
    ]);
  });
});
