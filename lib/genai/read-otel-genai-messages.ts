// OpenTelemetry GenAI semantic conventions (v1.37+): `gen_ai.input.messages`,
// `gen_ai.output.messages` and `gen_ai.system_instructions`, each a JSON string or, from SDKs
// that can record structured attributes, the array itself.
import type { Attributes } from "../otlp/span";
import type { ChatMessage } from "./llm-call";
import { plainValue } from "./plain-value";
import type { RecordedMessages } from "./recorded-messages";
import { toChatMessages } from "./to-chat-messages";

export function readOtelGenAiMessages(attributes: Attributes): RecordedMessages {
  return {
    input: toChatMessages(plainValue(attributes["gen_ai.input.messages"]), "user"),
    output: toChatMessages(plainValue(attributes["gen_ai.output.messages"]), "assistant"),
  };
}

/** `gen_ai.system_instructions` (a parts array, or plain text) as system messages. */
export function readSystemInstructions(attributes: Attributes): ChatMessage[] {
  return toChatMessages(plainValue(attributes["gen_ai.system_instructions"]), "system");
}
