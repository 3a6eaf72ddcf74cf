// OpenLLMetry (Traceloop) flattened messages: `gen_ai.prompt.N.role` / `.content` /
// `.tool_call_id`, `gen_ai.completion.N.role` / `.content` / `.tool_calls.M.{id,name,arguments}`.
// Content is text, or a JSON string of content blocks when the message had several parts.
import type { AttributeValue, Attributes } from "../otlp/span";
import { indexedGroups } from "./indexed-groups";
import type { ChatMessage } from "./llm-call";
import { plainValue } from "./plain-value";
import type { RecordedMessages } from "./recorded-messages";
import { messageToChatMessages } from "./to-chat-messages";

function toMessages(group: Record<string, AttributeValue>, defaultRole: string): ChatMessage[] {
  const toolCalls = indexedGroups(group, "tool_calls").map((call) => plainValue(call));
  return messageToChatMessages(
    {
      role: plainValue(group.role),
      content: plainValue(group.content),
      tool_call_id: plainValue(group.tool_call_id),
      ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
    },
    defaultRole,
  );
}

export function readOpenLlmetryMessages(attributes: Attributes): RecordedMessages {
  return {
    input: indexedGroups(attributes, "gen_ai.prompt").flatMap((group) => toMessages(group, "user")),
    output: indexedGroups(attributes, "gen_ai.completion").flatMap((group) => toMessages(group, "assistant")),
  };
}
