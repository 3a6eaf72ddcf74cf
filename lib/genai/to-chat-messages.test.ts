// Message shapes beyond those the convention tests cover: provider-native request and response
// bodies that instrumentations record verbatim.
import { describe, expect, it } from "vitest";
import { toChatMessages } from "./to-chat-messages";

describe("toChatMessages", () => {
  it("reads nothing from nothing", () => {
    expect(toChatMessages(undefined, "user")).toEqual([]);
    expect(toChatMessages("  ", "user")).toEqual([]);
    expect(toChatMessages("[]", "user")).toEqual([]);
  });

  it("reads Anthropic tool_use and tool_result blocks", () => {
    const messages = [
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "weather", input: { city: "Berlin" } }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "text", text: "Cloudy" }] }, { type: "text", text: "And New York?" }] },
    ];
    expect(toChatMessages(JSON.stringify(messages), "user")).toEqual([
      { role: "assistant", content: "", toolCalls: [{ id: "toolu_1", name: "weather", arguments: '{"city":"Berlin"}' }] },
      { role: "user", content: "And New York?" },
      { role: "tool", content: "Cloudy", toolCallId: "toolu_1" },
    ]);
  });

  it("reads OpenAI Responses input items and output", () => {
    const input = [
      { role: "user", content: "Weather in Tokyo?" },
      { type: "function_call", call_id: "call_1", name: "get_weather", arguments: '{"city":"Tokyo"}', id: "fc_1", status: "completed" },
      { type: "function_call_output", call_id: "call_1", output: "sunny" },
    ];
    expect(toChatMessages(input, "user")).toEqual([
      { role: "user", content: "Weather in Tokyo?" },
      { role: "assistant", content: "", toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Tokyo"}' }] },
      { role: "tool", content: "sunny", toolCallId: "call_1" },
    ]);
    const response = { id: "resp_1", output: [{ type: "reasoning", summary: [] }, { type: "message", role: "assistant", content: [{ type: "output_text", text: "Sunny.", annotations: [] }] }] };
    expect(toChatMessages(JSON.stringify(response), "assistant")).toEqual([{ role: "assistant", content: "Sunny." }]);
  });

  it("reads Gemini function calls and responses", () => {
    const contents = {
      contents: [
        { role: "model", parts: [{ functionCall: { name: "say_hello", args: {} } }] },
        { role: "user", parts: [{ functionResponse: { name: "say_hello", response: { greeting: "Hello" } } }] },
      ],
    };
    expect(toChatMessages(contents, "user")).toEqual([
      { role: "model", content: "", toolCalls: [{ name: "say_hello", arguments: "{}" }] },
      { role: "tool", content: '{"greeting":"Hello"}' },
    ]);
  });

  it("reads completions-API choices", () => {
    expect(toChatMessages({ choices: [{ index: 0, text: "Hello." }] }, "assistant")).toEqual([{ role: "assistant", content: "Hello." }]);
  });

  it("reads a legacy function_call", () => {
    expect(toChatMessages([{ role: "assistant", content: null, function_call: { name: "f", arguments: "{}" } }], "user")).toEqual([
      { role: "assistant", content: "", toolCalls: [{ name: "f", arguments: "{}" }] },
    ]);
  });

  it("gives messages recorded without a role the default one", () => {
    expect(toChatMessages([{ content: "Hi" }, "plain"], "user")).toEqual([
      { role: "user", content: "Hi" },
      { role: "user", content: "plain" },
    ]);
  });

  it("keeps structured data of no known shape as its JSON text", () => {
    expect(toChatMessages({ query: "x" }, "user")).toEqual([{ role: "user", content: '{"query":"x"}' }]);
  });
});
