import { describe, expect, it } from "vitest";
import { isContentAttribute, isContentEvent, isEventContentAttribute } from "./content-privacy-fields";

describe("isContentAttribute", () => {
  it.each([
    "gen_ai.input.messages",
    "gen_ai.output.messages",
    "gen_ai.system_instructions",
    "gen_ai.prompt",
    "gen_ai.completion",
    "gen_ai.prompt.0.content",
    "gen_ai.prompt.12.tool_calls.0.arguments",
    "gen_ai.completion.0.content",
    "gen_ai.completion.0.function_call.arguments",
    "gen_ai.tool.call.arguments",
    "gen_ai.tool.call.result",
    "llm.input_messages.0.message.content",
    "llm.input_messages.1.message.contents.0.message_content.text",
    "llm.input_messages.1.message.contents.0.message_content.image.image.url",
    "llm.input_messages.2.message.tool_calls.0.tool_call.function.arguments",
    "llm.output_messages.0.message.content",
    "llm.prompts",
    "llm.prompts.0",
    "llm.prompt_template.variables",
    "input.value",
    "output.value",
  ])("%s is content", (key) => {
    expect(isContentAttribute(key)).toBe(true);
  });

  it.each([
    "gen_ai.request.model",
    "gen_ai.response.model",
    "gen_ai.usage.input_tokens",
    "gen_ai.prompt.0.role",
    "gen_ai.completion.0.finish_reason",
    "gen_ai.completion.0.tool_calls.0.id",
    "gen_ai.completion.0.tool_calls.0.name",
    "llm.input_messages.0.message.role",
    "llm.input_messages.1.message.contents.0.message_content.type",
    "llm.input_messages.2.message.tool_calls.0.tool_call.function.name",
    "llm.input_messages.3.message.tool_call_id",
    "llm.token_count.prompt",
    "llm.model_name",
    "llm.prompt_template.version",
    "input.mime_type",
    "gen_ai.prompt_caching",
    "http.request.body.size",
  ])("%s is metadata", (key) => {
    expect(isContentAttribute(key)).toBe(false);
  });
});

describe("event attributes", () => {
  it("recognises content events", () => {
    for (const name of ["gen_ai.content.prompt", "gen_ai.content.completion", "gen_ai.user.message", "gen_ai.system.message", "gen_ai.tool.message", "gen_ai.choice"]) {
      expect(isContentEvent(name), name).toBe(true);
    }
    for (const name of ["exception", "gen_ai.client.inference.operation.details", "message"]) {
      expect(isContentEvent(name), name).toBe(false);
    }
  });

  it("treats everything but metadata in content events as content", () => {
    expect(isEventContentAttribute("gen_ai.user.message", "content")).toBe(true);
    expect(isEventContentAttribute("gen_ai.choice", "message")).toBe(true);
    expect(isEventContentAttribute("gen_ai.choice", "message.content")).toBe(true);
    expect(isEventContentAttribute("gen_ai.assistant.message", "tool_calls")).toBe(true);
    expect(isEventContentAttribute("gen_ai.choice", "index")).toBe(false);
    expect(isEventContentAttribute("gen_ai.choice", "finish_reason")).toBe(false);
    expect(isEventContentAttribute("gen_ai.choice", "message.role")).toBe(false);
    expect(isEventContentAttribute("gen_ai.user.message", "gen_ai.system")).toBe(false);
  });

  it("treats content attributes as content in any event, and nothing else", () => {
    expect(isEventContentAttribute("gen_ai.client.inference.operation.details", "gen_ai.input.messages")).toBe(true);
    expect(isEventContentAttribute("exception", "exception.message")).toBe(false);
  });
});
