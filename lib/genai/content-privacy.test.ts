import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Attributes, SpanEvent } from "../otlp/span";
import { applyContentPrivacy, contentPrivacyModeSchema, holdsLlmContent } from "./content-privacy";

const CORPUS_DIR = path.resolve(import.meta.dirname, "../../tests/fixtures/corpora/genai");

function event(name: string, attributes: Attributes): SpanEvent {
  return { timeNs: 1_700_000_000_000_000_000n, name, attributes, droppedAttributesCount: 0 };
}

const METADATA: Attributes = {
  "gen_ai.operation.name": "chat",
  "gen_ai.request.model": "gpt-4o",
  "gen_ai.response.model": "gpt-4o-2024-08-06",
  "gen_ai.usage.input_tokens": 97,
  "gen_ai.usage.output_tokens": 52,
  "gen_ai.response.finish_reasons": ["stop"],
  "llm.token_count.prompt": 97,
  "llm.model_name": "gpt-4o",
  "input.mime_type": "application/json",
  "http.route": "/chat",
};

/** One span with content under every convention, all mentioning alice@example.com. */
function spanWithEveryConvention(): { attributes: Attributes; events: SpanEvent[] } {
  return {
    attributes: {
      ...METADATA,
      "gen_ai.input.messages": JSON.stringify([
        { role: "user", parts: [{ type: "text", content: "Mail alice@example.com\nor call 415-555-0100" }] },
      ]),
      "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "Sent to alice@example.com" }] }]),
      "gen_ai.system_instructions": JSON.stringify([{ type: "text", content: "You help alice@example.com" }]),
      "gen_ai.prompt": "alice@example.com asks",
      "gen_ai.completion": "reply to alice@example.com",
      "gen_ai.prompt.0.role": "user",
      "gen_ai.prompt.0.content": "I am alice@example.com",
      "gen_ai.completion.0.role": "assistant",
      "gen_ai.completion.0.finish_reason": "tool_calls",
      "gen_ai.completion.0.tool_calls.0.id": "call_1",
      "gen_ai.completion.0.tool_calls.0.name": "send_mail",
      "gen_ai.completion.0.tool_calls.0.arguments": '{"to":"alice@example.com"}',
      "llm.input_messages.0.message.role": "user",
      "llm.input_messages.0.message.content": "alice@example.com here",
      "llm.input_messages.1.message.role": "user",
      "llm.input_messages.1.message.contents.0.message_content.type": "text",
      "llm.input_messages.1.message.contents.0.message_content.text": "card 4111 1111 1111 1111",
      "llm.input_messages.2.message.role": "assistant",
      "llm.input_messages.2.message.tool_calls.0.tool_call.id": "call_2",
      "llm.input_messages.2.message.tool_calls.0.tool_call.function.name": "lookup",
      "llm.input_messages.2.message.tool_calls.0.tool_call.function.arguments": '{"email":"alice@example.com"}',
      "llm.output_messages.0.message.role": "assistant",
      "llm.output_messages.0.message.content": "Hi alice@example.com",
      "input.value": '{"messages":[{"role":"user","content":"alice@example.com"}]}',
      "output.value": "Dear alice@example.com",
      "llm.prompts.0": "alice@example.com",
      "llm.prompts": ["alice@example.com"],
    },
    events: [
      event("gen_ai.content.prompt", { "gen_ai.prompt": "from alice@example.com" }),
      event("gen_ai.content.completion", { "gen_ai.completion": "to alice@example.com" }),
      event("gen_ai.user.message", { "gen_ai.system": "openai", content: "alice@example.com" }),
      event("gen_ai.assistant.message", {
        "gen_ai.system": "openai",
        role: "assistant",
        tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: '{"a":"alice@example.com"}' } }],
      }),
      event("gen_ai.choice", {
        index: 0,
        finish_reason: "stop",
        message: { role: "assistant", content: "alice@example.com" },
      }),
      event("exception", { "exception.type": "RateLimitError", "exception.message": "slow down" }),
    ],
  };
}

function allStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(allStrings);
  return [];
}

describe("applyContentPrivacy", () => {
  it("keep returns equal copies", () => {
    const span = spanWithEveryConvention();
    const result = applyContentPrivacy(span, "keep");
    expect(result.attributes).toEqual(span.attributes);
    expect(result.attributes).not.toBe(span.attributes);
    expect(result.events).toEqual(span.events);
    expect(result.events[0]).not.toBe(span.events[0]);
    expect(result.droppedAttributes).toBe(0);
  });

  it("drop removes content under every convention and keeps metadata", () => {
    const span = spanWithEveryConvention();
    const result = applyContentPrivacy(span, "drop");
    expect(allStrings(result.attributes).join(" ")).not.toMatch(/alice|4111/);
    expect(allStrings(result.events.map((e) => e.attributes)).join(" ")).not.toMatch(/alice|4111/);
    expect(result.attributes).toMatchObject(METADATA);
    expect(result.attributes).toMatchObject({
      "gen_ai.prompt.0.role": "user",
      "gen_ai.completion.0.role": "assistant",
      "gen_ai.completion.0.finish_reason": "tool_calls",
      "gen_ai.completion.0.tool_calls.0.id": "call_1",
      "gen_ai.completion.0.tool_calls.0.name": "send_mail",
      "llm.input_messages.1.message.contents.0.message_content.type": "text",
      "llm.input_messages.2.message.tool_calls.0.tool_call.function.name": "lookup",
      "llm.output_messages.0.message.role": "assistant",
    });
    expect(Object.keys(result.attributes)).not.toContain("gen_ai.input.messages");
    expect(result.events.map((e) => e.name)).toEqual(span.events.map((e) => e.name));
    expect(result.events[2].attributes).toEqual({ "gen_ai.system": "openai" });
    expect(result.events[3].attributes).toEqual({ "gen_ai.system": "openai", role: "assistant" });
    expect(result.events[4].attributes).toEqual({ index: 0, finish_reason: "stop" });
    expect(result.events[5].attributes).toEqual(span.events[5].attributes);
    expect(result.droppedAttributes).toBe(20);
  });

  it("redact keeps content but replaces personal data, inside JSON too", () => {
    const span = spanWithEveryConvention();
    const result = applyContentPrivacy(span, "redact");
    expect(allStrings([result.attributes, result.events.map((e) => e.attributes)]).join(" ")).not.toMatch(
      /alice@|4111|415-555/,
    );
    expect(result.attributes).toMatchObject(METADATA);
    expect(JSON.parse(result.attributes["gen_ai.input.messages"] as string)).toEqual([
      { role: "user", parts: [{ type: "text", content: "Mail [REDACTED_EMAIL]\nor call [REDACTED_PHONE]" }] },
    ]);
    expect(result.attributes["gen_ai.prompt"]).toBe("[REDACTED_EMAIL] asks");
    expect(result.attributes["llm.input_messages.1.message.contents.0.message_content.text"]).toBe("card [REDACTED_CARD]");
    expect(result.attributes["llm.prompts"]).toEqual(["[REDACTED_EMAIL]"]);
    expect(result.events[4].attributes).toEqual({
      index: 0,
      finish_reason: "stop",
      message: { role: "assistant", content: "[REDACTED_EMAIL]" },
    });
    expect(JSON.parse((result.events[3].attributes.tool_calls as { function: { arguments: string } }[])[0].function.arguments)).toEqual({
      a: "[REDACTED_EMAIL]",
    });
    expect(result.redactions).toEqual({ email: 19, phone: 1, card: 1 });
    expect(result.droppedAttributes).toBe(0);
  });

  it("redacts only content fields", () => {
    const result = applyContentPrivacy(
      { attributes: { "user.email": "bob@example.com", "gen_ai.prompt": "bob@example.com" }, events: [] },
      "redact",
    );
    expect(result.attributes).toEqual({ "user.email": "bob@example.com", "gen_ai.prompt": "[REDACTED_EMAIL]" });
  });

  it("never mutates its input", () => {
    const span = spanWithEveryConvention();
    const snapshot = structuredClone(span);
    applyContentPrivacy(span, "drop");
    applyContentPrivacy(span, "redact");
    expect(span).toEqual(snapshot);
  });

  it("leaves JSON text untouched when it has nothing to redact", () => {
    const text = '{ "messages": [ {"role": "user", "content": "hello"} ] }';
    const result = applyContentPrivacy({ attributes: { "input.value": text }, events: [] }, "redact");
    expect(result.attributes["input.value"]).toBe(text);
  });

  it("redacts raw text when JSON would not survive a round trip", () => {
    const text = '{"id": 12345678901234567890, "from": "bob@example.com"}';
    const result = applyContentPrivacy({ attributes: { "input.value": text }, events: [] }, "redact");
    expect(result.attributes["input.value"]).toBe('{"id": 12345678901234567890, "from": "[REDACTED_EMAIL]"}');
  });

  it("redacts raw text that only looks like JSON", () => {
    const result = applyContentPrivacy({ attributes: { "output.value": "[draft] write to bob@example.com]" }, events: [] }, "redact");
    expect(result.attributes["output.value"]).toBe("[draft] write to [REDACTED_EMAIL]]");
  });

  it("does not touch tagged binary values", () => {
    const bytes = { $bytes: "NDE1LTU1NS0wMTAw" };
    const result = applyContentPrivacy({ attributes: { "gen_ai.prompt": [bytes] }, events: [] }, "redact");
    expect(result.attributes["gen_ai.prompt"]).toEqual([bytes]);
  });
});

describe("applyContentPrivacy on real instrumentation output", () => {
  const files = fs.readdirSync(CORPUS_DIR).filter((file) => file.startsWith("Arize-ai__openinference") && file.includes("client_span"));
  it("has the OpenInference client spans to work on", () => {
    expect(files).toHaveLength(4);
  });

  it.each(files)("drop leaves no message text in %s", (file) => {
    const attributes = JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, file), "utf8")) as Attributes;
    // Some fixtures also carry the raw request and response under bare `input` / `output` keys,
    // which are not an attribute convention.
    delete attributes.input;
    delete attributes.output;
    const result = applyContentPrivacy({ attributes, events: [] }, "drop");
    // Every fixture is a conversation about the weather in Paris; the tool name get_weather is
    // metadata and stays.
    expect(JSON.stringify(attributes)).toMatch(/Paris/);
    expect(JSON.stringify(result.attributes)).not.toMatch(/Paris|rainy/);
    for (const key of Object.keys(attributes)) {
      if (/model|usage|token_count|provider|system$|role$|operation/.test(key)) expect(result.attributes, key).toHaveProperty([key]);
    }
  });
});

describe("contentPrivacyModeSchema", () => {
  it("accepts the three modes only", () => {
    expect(contentPrivacyModeSchema.parse("redact")).toBe("redact");
    const failure = contentPrivacyModeSchema.safeParse("hide");
    expect(failure.success).toBe(false);
    expect(failure.error?.issues[0].message).toBe('must be "keep", "drop" or "redact"');
  });
});

describe("applyContentPrivacy on Logfire's events attribute", () => {
  const events: Attributes[] = [
    { "event.name": "gen_ai.system.message", role: "system", content: "Help alice@example.com", "gen_ai.message.index": 0 },
    { "event.name": "gen_ai.user.message", role: "user", content: "Call 415-555-0100", "gen_ai.message.index": 1 },
    { "event.name": "gen_ai.choice", index: 0, message: { role: "assistant", content: "Done, alice@example.com" } },
  ];

  it("drops content fields entry by entry, keeping the events' metadata", () => {
    const result = applyContentPrivacy({ attributes: { events: JSON.stringify(events), "gen_ai.system": "openai" }, events: [] }, "drop");
    expect(JSON.parse(result.attributes.events as string)).toEqual([
      { "event.name": "gen_ai.system.message", role: "system", "gen_ai.message.index": 0 },
      { "event.name": "gen_ai.user.message", role: "user", "gen_ai.message.index": 1 },
      { "event.name": "gen_ai.choice", index: 0 },
    ]);
    expect(result.attributes["gen_ai.system"]).toBe("openai");
    expect(result.droppedAttributes).toBe(3);
  });

  it("redacts content fields, structured or JSON", () => {
    const structured = applyContentPrivacy({ attributes: { events }, events: [] }, "redact");
    expect(structured.attributes.events).toEqual([
      { ...events[0], content: "Help [REDACTED_EMAIL]" },
      { ...events[1], content: "Call [REDACTED_PHONE]" },
      { ...events[2], message: { role: "assistant", content: "Done, [REDACTED_EMAIL]" } },
    ]);
    expect(structured.redactions).toEqual({ email: 2, phone: 1, card: 0 });
    const text = applyContentPrivacy({ attributes: { events: JSON.stringify(events) }, events: [] }, "redact");
    expect(JSON.parse(text.attributes.events as string)).toEqual(structured.attributes.events);
  });

  it("leaves an unrelated events attribute alone", () => {
    const attributes = { events: '[{"type":"click","email":"a@b.io"}]' };
    expect(applyContentPrivacy({ attributes, events: [] }, "drop").attributes).toEqual(attributes);
    expect(applyContentPrivacy({ attributes: { events: "a@b.io" }, events: [] }, "redact").attributes).toEqual({ events: "a@b.io" });
  });
});

describe("holdsLlmContent", () => {
  it("finds content under every convention and nothing elsewhere", () => {
    expect(holdsLlmContent(spanWithEveryConvention())).toBe(true);
    expect(holdsLlmContent({ attributes: { "gen_ai.prompt.0.content": "hi" }, events: [] })).toBe(true);
    expect(holdsLlmContent({ attributes: {}, events: [event("gen_ai.user.message", {})] })).toBe(true);
    expect(
      holdsLlmContent({ attributes: {}, events: [event("gen_ai.client.inference.operation.details", { "gen_ai.input.messages": "[]" })] }),
    ).toBe(true);
    expect(holdsLlmContent({ attributes: { events: '[{"event.name":"gen_ai.user.message","content":"hi"}]' }, events: [] })).toBe(true);
    expect(holdsLlmContent({ attributes: { ...METADATA, events: '[{"type":"click"}]' }, events: [event("exception", {})] })).toBe(false);
  });
});
