// OpenInference `input.value` / `output.value`: the call's request and response as the
// instrumentation saw them. JSON (a messages list, a provider request or response body) is read
// for its messages; text, or JSON of no known shape, is one message holding that text.
import type { AttributeValue, Attributes } from "../otlp/span";
import type { ChatMessage } from "./llm-call";
import { plainValue } from "./plain-value";
import type { RecordedMessages } from "./recorded-messages";
import { toChatMessages } from "./to-chat-messages";

function read(value: AttributeValue | undefined, mimeType: AttributeValue | undefined, role: string): ChatMessage[] {
  // Declared plain text stays text even when it looks like JSON.
  if (typeof value === "string" && mimeType === "text/plain") return value.trim() === "" ? [] : [{ role, content: value }];
  return toChatMessages(plainValue(value), role);
}

export function readOpenInferenceValues(attributes: Attributes): RecordedMessages {
  return {
    input: read(attributes["input.value"], attributes["input.mime_type"], "user"),
    output: read(attributes["output.value"], attributes["output.mime_type"], "assistant"),
  };
}
