// The oldest GenAI convention, still written by LangSmith and many hand-rolled tracers: the
// whole prompt in `gen_ai.prompt` and the completion in `gen_ai.completion`, as plain text or as
// a JSON string of messages.
import type { Attributes } from "../otlp/span";
import { plainValue } from "./plain-value";
import type { RecordedMessages } from "./recorded-messages";
import { toChatMessages } from "./to-chat-messages";

export function readFlatPrompt(attributes: Attributes): RecordedMessages {
  return {
    input: toChatMessages(plainValue(attributes["gen_ai.prompt"]), "user"),
    output: toChatMessages(plainValue(attributes["gen_ai.completion"]), "assistant"),
  };
}
