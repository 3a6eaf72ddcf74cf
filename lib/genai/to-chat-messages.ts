// Recorded messages → ChatMessage[], whichever shape the recorder used: OpenTelemetry parts
// (`{role, parts}`), chat-completions messages (`{role, content, tool_calls}`), Anthropic
// content blocks, Gemini contents, OpenAI Responses items, or a provider's whole request or
// response body wrapping them (`messages`, `choices`, `candidates`, `contents`, `output`).
// Anything else is kept as the text it was recorded as, so no recorded content is lost.
import type { ChatMessage } from "./llm-call";
import { asText, isContentBlockList, readBody, readToolCall, type MessageBody, type ToolCall } from "./message-body";
import { parseJsonContainer } from "./parse-json";
import { isRecord } from "./plain-value";

function roleOf(value: unknown, fallback: string): string {
  return typeof value === "string" && value.trim() !== "" ? value : fallback;
}

/** A message's own content, reading a JSON string of content blocks as those blocks. */
function contentOf(content: unknown): unknown {
  if (typeof content !== "string") return content;
  const parsed = parseJsonContainer(content);
  return isContentBlockList(parsed) ? parsed : content;
}

/**
 * One recorded message as ChatMessages: itself, then one `tool` message per tool result it holds.
 * OpenTelemetry and Gemini put several results in one message (pydantic-ai even under role
 * "user"), but a ChatMessage answers one call, so each result gets its own.
 */
function assemble(role: string, body: MessageBody, toolCallId?: string): ChatMessage[] {
  const messages: ChatMessage[] = [];
  const hasOwnContent = body.texts.length > 0 || body.toolCalls.length > 0;
  if (hasOwnContent || body.toolResults.length === 0) {
    const message: ChatMessage = { role, content: body.texts.join("\n") };
    if (body.toolCalls.length > 0) message.toolCalls = body.toolCalls;
    if (toolCallId !== undefined) message.toolCallId = toolCallId;
    messages.push(message);
  }
  for (const result of body.toolResults) {
    const message: ChatMessage = { role: "tool", content: result.content };
    const id = result.id ?? toolCallId;
    if (id !== undefined) message.toolCallId = id;
    messages.push(message);
  }
  return messages;
}

function fromMessage(message: Record<string, unknown>, defaultRole: string): ChatMessage[] {
  const role = roleOf(message.role, defaultRole);
  const body = readBody(Array.isArray(message.parts) ? message.parts : contentOf(message.content));
  const calls: unknown[] = Array.isArray(message.tool_calls) ? message.tool_calls : [];
  if (isRecord(message.function_call)) calls.push(message.function_call);
  body.toolCalls.push(...calls.map(readToolCall).filter((c): c is ToolCall => c !== null));
  const id = message.tool_call_id ?? (role === "tool" ? message.id : undefined);
  return assemble(role, body, typeof id === "string" && id !== "" ? id : undefined);
}

function isMessage(value: Record<string, unknown>): boolean {
  return "role" in value || Array.isArray(value.parts) || ("content" in value && !("type" in value)) || Array.isArray(value.tool_calls);
}

/** A list entry that is not a message: a Responses item (function_call, ...) or a bare part. */
function fromItem(item: unknown, defaultRole: string): ChatMessage[] {
  if (typeof item === "string") return [{ role: defaultRole, content: item }];
  if (!isRecord(item)) return [];
  if (isMessage(item) || item.type === "message") return fromMessage(item, defaultRole);
  const body = readBody(item);
  if (body.texts.length === 0 && body.toolCalls.length === 0 && body.toolResults.length === 0) return [];
  return assemble(body.toolCalls.length > 0 ? "assistant" : defaultRole, body);
}

function fromList(list: unknown[], defaultRole: string): ChatMessage[] {
  // A list of parts with no message around it (gen_ai.system_instructions) is one message.
  if (isContentBlockList(list)) return assemble(defaultRole, readBody(list));
  return list.flatMap((item) => fromItem(item, defaultRole));
}

/** Messages inside a provider request or response body; null for an object of another shape. */
function fromEnvelope(value: Record<string, unknown>, defaultRole: string): ChatMessage[] | null {
  if (Array.isArray(value.messages)) return fromList(value.messages, defaultRole);
  if (Array.isArray(value.choices)) {
    return value.choices.flatMap((choice) => {
      if (!isRecord(choice)) return [];
      if (isRecord(choice.message)) return fromMessage(choice.message, defaultRole);
      return typeof choice.text === "string" ? [{ role: defaultRole, content: choice.text }] : [];
    });
  }
  if (Array.isArray(value.candidates)) {
    return value.candidates.flatMap((c) => (isRecord(c) && isRecord(c.content) ? fromMessage(c.content, defaultRole) : []));
  }
  if (typeof value.contents === "string") return [{ role: defaultRole, content: value.contents }];
  if (Array.isArray(value.contents)) return fromList(value.contents, defaultRole);
  if (Array.isArray(value.output)) return fromList(value.output, defaultRole);
  if (isRecord(value.message)) return fromMessage(value.message, defaultRole);
  // Gemini's single response: {content: {role, parts}, finish_reason}.
  if (isRecord(value.content) && isMessage(value.content)) return fromMessage(value.content, defaultRole);
  if (isMessage(value)) return fromMessage(value, defaultRole);
  if (typeof value.text === "string") return [{ role: defaultRole, content: value.text }];
  return null;
}

/**
 * The chat messages a recorded value holds. `value` is a JSON string or already-structured data;
 * `defaultRole` is given to messages recorded without one (a bare prompt is the user's, a bare
 * completion the assistant's). Text that is not JSON, and JSON of no known shape, becomes one
 * message holding that text.
 */
export function toChatMessages(value: unknown, defaultRole: string): ChatMessage[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string" && value.trim() === "") return [];
  const structured = typeof value === "string" ? parseJsonContainer(value) : value;
  let messages: ChatMessage[] | null = null;
  if (Array.isArray(structured)) messages = fromList(structured, defaultRole);
  else if (isRecord(structured)) messages = fromEnvelope(structured, defaultRole);
  return messages ?? [{ role: defaultRole, content: asText(value) }];
}

/** A single recorded message object (an event's attributes, a `gen_ai.choice`'s `message`). */
export function messageToChatMessages(message: Record<string, unknown>, defaultRole: string): ChatMessage[] {
  return fromMessage(message, defaultRole);
}
