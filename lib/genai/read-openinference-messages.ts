// OpenInference flattened messages: `llm.input_messages.N.message.role`, `.content` or
// `.contents.M.message_content.text`, `.tool_calls.M.tool_call.{id,function.name,function.arguments}`
// and `.tool_call_id`; the same under `llm.output_messages`.
import type { AttributeValue, Attributes } from "../otlp/span";
import { indexedGroups } from "./indexed-groups";
import type { ChatMessage } from "./llm-call";
import { toolCall } from "./message-body";
import { plainValue } from "./plain-value";
import { readString } from "./read-attribute";
import type { RecordedMessages } from "./recorded-messages";

type Group = Record<string, AttributeValue>;

function contentText(group: Group): string {
  const content = group["message.content"];
  if (typeof content === "string") return content;
  return indexedGroups(group, "message.contents")
    .filter((part) => part["message_content.type"] === undefined || part["message_content.type"] === "text")
    .map((part) => part["message_content.text"])
    .filter((text): text is string => typeof text === "string")
    .join("\n");
}

function toMessage(group: Group, defaultRole: string): ChatMessage {
  const message: ChatMessage = { role: readString(group["message.role"]) || defaultRole, content: contentText(group) };
  const calls = indexedGroups(group, "message.tool_calls").map((call) =>
    toolCall(call["tool_call.id"], call["tool_call.function.name"], plainValue(call["tool_call.function.arguments"])),
  );
  if (typeof group["message.function_call_name"] === "string") {
    calls.push(toolCall(undefined, group["message.function_call_name"], group["message.function_call_arguments_json"]));
  }
  if (calls.length > 0) message.toolCalls = calls;
  const toolCallId = readString(group["message.tool_call_id"]);
  if (toolCallId !== "") message.toolCallId = toolCallId;
  return message;
}

export function readOpenInferenceMessages(attributes: Attributes): RecordedMessages {
  return {
    input: indexedGroups(attributes, "llm.input_messages").map((group) => toMessage(group, "user")),
    output: indexedGroups(attributes, "llm.output_messages").map((group) => toMessage(group, "assistant")),
  };
}
