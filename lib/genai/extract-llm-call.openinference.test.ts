// OpenInference: llm.input_messages / llm.output_messages, and input.value / output.value.
import { describe, expect, it } from "vitest";
import { makeSpan } from "../otlp/testing/make-span";
import type { Attributes } from "../otlp/span";
import { extractLlmCall } from "./extract-llm-call";

const call = (attributes: Attributes) => extractLlmCall(makeSpan({ attributes: { "openinference.span.kind": "LLM", ...attributes } }));

describe("llm.input_messages / llm.output_messages", () => {
  it("reads roles, content, contents and tool calls", () => {
    const result = call({
      "llm.input_messages.0.message.role": "system",
      "llm.input_messages.0.message.content": "Be brief.",
      "llm.input_messages.1.message.role": "user",
      "llm.input_messages.1.message.contents.0.message_content.type": "text",
      "llm.input_messages.1.message.contents.0.message_content.text": "What is in",
      "llm.input_messages.1.message.contents.1.message_content.type": "image",
      "llm.input_messages.1.message.contents.1.message_content.image.image.url": "https://x/y.png",
      "llm.input_messages.1.message.contents.2.message_content.text": "this image?",
      "llm.input_messages.2.message.role": "assistant",
      "llm.input_messages.2.message.tool_calls.0.tool_call.id": "c1",
      "llm.input_messages.2.message.tool_calls.0.tool_call.function.name": "describe",
      "llm.input_messages.2.message.tool_calls.0.tool_call.function.arguments": '{"detail":"high"}',
      "llm.input_messages.3.message.role": "tool",
      "llm.input_messages.3.message.tool_call_id": "c1",
      "llm.input_messages.3.message.content": "a cat",
      "llm.output_messages.0.message.role": "assistant",
      "llm.output_messages.0.message.content": "A cat.",
    });
    expect(result).toMatchObject({
      convention: "openinference_messages",
      input: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "What is in\nthis image?" },
        { role: "assistant", content: "", toolCalls: [{ id: "c1", name: "describe", arguments: '{"detail":"high"}' }] },
        { role: "tool", content: "a cat", toolCallId: "c1" },
      ],
      output: [{ role: "assistant", content: "A cat." }],
    });
  });

  it("orders messages by index, skipping gaps", () => {
    const result = call({
      "llm.input_messages.3.message.role": "tool",
      "llm.input_messages.3.message.content": "results",
      "llm.input_messages.0.message.role": "user",
      "llm.input_messages.0.message.content": "search",
    });
    expect(result?.input.map((m) => m.role)).toEqual(["user", "tool"]);
  });

  it("takes the completion from output.value when no output messages were recorded", () => {
    const response = { id: "chatcmpl-1", choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: "Hello." } }] };
    const result = call({
      "llm.input_messages.0.message.role": "user",
      "llm.input_messages.0.message.content": "Hi",
      "output.value": JSON.stringify(response),
      "output.mime_type": "application/json",
    });
    expect(result).toMatchObject({ convention: "openinference_messages", output: [{ role: "assistant", content: "Hello." }] });
  });
});

describe("input.value / output.value", () => {
  it("reads plain text as one message each", () => {
    const result = call({ "input.value": "Hi", "input.mime_type": "text/plain", "output.value": "Hello.", "output.mime_type": "text/plain" });
    expect(result).toMatchObject({ convention: "openinference_value", input: [{ role: "user", content: "Hi" }], output: [{ role: "assistant", content: "Hello." }] });
  });

  it("keeps text declared plain even when it is JSON", () => {
    expect(call({ "input.value": '{"messages": []}', "input.mime_type": "text/plain" })?.input).toEqual([{ role: "user", content: '{"messages": []}' }]);
  });

  it("reads the messages of a request body", () => {
    const request = { model: "gpt-4o", temperature: 0, messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }] };
    expect(call({ "input.value": JSON.stringify(request), "input.mime_type": "application/json" })?.input.map((m) => m.content)).toEqual(["Be brief.", "Hi"]);
  });

  it("reads Gemini request and response bodies", () => {
    const request = { model: "gemini-2.5-flash", contents: [{ role: "user", parts: [{ text: "What is Langfuse?" }] }] };
    const response = { candidates: [{ content: { role: "model", parts: [{ text: "An observability platform." }] }, finish_reason: "STOP" }] };
    const result = call({ "input.value": JSON.stringify(request), "output.value": JSON.stringify(response) });
    expect(result?.input).toEqual([{ role: "user", content: "What is Langfuse?" }]);
    expect(result?.output).toEqual([{ role: "model", content: "An observability platform." }]);
  });

  it("keeps a body of no known shape as its text", () => {
    const body = '{"user_id": "u1", "session_id": "s1"}';
    expect(call({ "input.value": body, "input.mime_type": "application/json" })?.input).toEqual([{ role: "user", content: body }]);
  });

  it("prefers structured messages over the raw values", () => {
    const result = call({
      "llm.input_messages.0.message.role": "user",
      "llm.input_messages.0.message.content": "Hi",
      "input.value": '{"messages": [{"role": "user", "content": "Hi (raw)"}]}',
    });
    expect(result).toMatchObject({ convention: "openinference_messages", input: [{ role: "user", content: "Hi" }] });
  });
});

describe("OpenInference span kinds", () => {
  it.each(["CHAIN", "AGENT", "TOOL", "RETRIEVER"])("a %s span is not a call, whatever it records", (kind) => {
    expect(extractLlmCall(makeSpan({ attributes: { "openinference.span.kind": kind, "input.value": "Hi", "llm.model_name": "gpt-4o" } }))).toBeNull();
  });

  it("an EMBEDDING span is a call", () => {
    expect(extractLlmCall(makeSpan({ attributes: { "openinference.span.kind": "EMBEDDING", "embedding.model_name": "text-embedding-3-small" } }))).not.toBeNull();
  });
});
