// Langfuse's chatml rendering of an observation, and ChatMessages, in one comparable form.
// What counts as the same message is decided here, each allowance with its reason:
// - whitespace is collapsed: renderers re-indent and trim;
// - text that is JSON compares by value: Python and JavaScript serialise with different spacing;
// - role `model` is `assistant`: Gemini's raw responses (which Langfuse renders) name it so, while
//   OpenInference records the same message as `assistant`;
// - an Anthropic `tool_use` block left in a chatml message's content is the tool call it describes;
// - a tool call's arguments or a tool call id recorded on one side only is not compared.
import type { ChatMessage } from "../llm-call";
import { parseJsonContainer } from "../parse-json";
import { isRecord } from "../plain-value";

export interface ComparableMessage {
  role: string;
  text: string;
  toolCalls: { name: string; arguments?: string }[];
  toolCallId?: string;
}

function normalText(text: string): string {
  const json = parseJsonContainer(text);
  return json !== undefined ? JSON.stringify(json) : text.replace(/\s+/g, " ").trim();
}

const normalRole = (role: string) => (role === "model" ? "assistant" : role);

function chatmlText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => (typeof part === "string" ? part : isRecord(part) && typeof part.text === "string" ? part.text : ""))
    .filter((text) => text !== "")
    .join("\n");
}

function chatmlToolCalls(entry: Record<string, unknown>): ComparableMessage["toolCalls"] {
  const calls = Array.isArray(entry.tool_calls) ? entry.tool_calls.filter(isRecord) : [];
  const toolUses = Array.isArray(entry.content) ? entry.content.filter((part) => isRecord(part) && part.type === "tool_use") : [];
  return [
    ...calls.map((c) => ({ name: String(c.name), ...(typeof c.arguments === "string" ? { arguments: normalText(c.arguments) } : {}) })),
    ...toolUses.map((block) => ({ name: String(block.name), arguments: JSON.stringify(block.input ?? {}) })),
  ];
}

/** The chat messages of a chatml side; entries without a role (tool definitions, raw JSON) are not messages. */
export function chatmlMessages(data: readonly Record<string, unknown>[]): ComparableMessage[] {
  return data
    .filter((entry) => typeof entry.role === "string")
    .map((entry) => {
      const message: ComparableMessage = { role: normalRole(entry.role as string), text: normalText(chatmlText(entry.content)), toolCalls: chatmlToolCalls(entry) };
      if (typeof entry.tool_call_id === "string" && entry.tool_call_id !== "") message.toolCallId = entry.tool_call_id;
      return message;
    });
}

export function comparableMessages(messages: readonly ChatMessage[]): ComparableMessage[] {
  return messages.map((m) => {
    const message: ComparableMessage = {
      role: normalRole(m.role),
      text: normalText(m.content),
      toolCalls: (m.toolCalls ?? []).map((c) => ({ name: c.name, ...(c.arguments !== undefined ? { arguments: normalText(c.arguments) } : {}) })),
    };
    if (m.toolCallId !== undefined) message.toolCallId = m.toolCallId;
    return message;
  });
}

/** Both lists without the details only one of them recorded (see the header). */
export function withoutOneSidedDetails(actual: ComparableMessage[], expected: ComparableMessage[]): [ComparableMessage[], ComparableMessage[]] {
  const strip = (message: ComparableMessage, other: ComparableMessage | undefined): ComparableMessage => {
    const stripped: ComparableMessage = {
      ...message,
      toolCalls: message.toolCalls.map((call, j) => (other?.toolCalls[j]?.arguments === undefined ? { name: call.name } : call)),
    };
    if (other?.toolCallId === undefined) delete stripped.toolCallId;
    return stripped;
  };
  return [actual.map((m, i) => strip(m, expected[i])), expected.map((m, i) => strip(m, actual[i]))];
}
