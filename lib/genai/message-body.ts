// The content of one recorded message, in any of the shapes providers and instrumentations write:
// a string, OpenTelemetry parts, OpenAI / Anthropic content blocks, Gemini parts. Text parts
// become text; tool calls and tool results are kept apart because they belong in their own fields
// (or, for results, their own `tool` messages).
import type { ChatMessage } from "./llm-call";
import { isRecord } from "./plain-value";

export type ToolCall = NonNullable<ChatMessage["toolCalls"]>[number];

export interface ToolResult {
  id?: string;
  content: string;
}

export interface MessageBody {
  texts: string[];
  toolCalls: ToolCall[];
  toolResults: ToolResult[];
}

const TEXT_TYPES = new Set(["text", "input_text", "output_text"]);

/** A value recorded as text or as JSON, as the text a reader would see. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function optionalId(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function toolCall(id: unknown, name: unknown, args: unknown): ToolCall {
  const call: ToolCall = { name: typeof name === "string" ? name : "" };
  const callId = optionalId(id);
  if (callId !== undefined) call.id = callId;
  if (args !== undefined && args !== null) call.arguments = asText(args);
  return call;
}

/** An OpenAI-style `tool_calls` entry: {id, function: {name, arguments}} or already flat {id, name, arguments}. */
export function readToolCall(entry: unknown): ToolCall | null {
  if (!isRecord(entry)) return null;
  const fn = isRecord(entry.function) ? entry.function : entry;
  if (typeof fn.name !== "string") return null;
  return toolCall(entry.id ?? entry.call_id, fn.name, fn.arguments ?? fn.args ?? fn.input);
}

function resultText(value: unknown): string {
  // Anthropic tool_result content is itself a list of blocks.
  if (Array.isArray(value)) return readBody(value).texts.join("\n");
  return asText(value);
}

function addPart(body: MessageBody, part: unknown): void {
  if (typeof part === "string") {
    body.texts.push(part);
    return;
  }
  if (!isRecord(part)) return;
  const type = typeof part.type === "string" ? part.type : "";
  if (TEXT_TYPES.has(type)) {
    const text = part.content ?? part.text;
    if (typeof text === "string") body.texts.push(text);
    return;
  }
  switch (type) {
    case "tool_call": // OpenTelemetry
      body.toolCalls.push(toolCall(part.id, part.name, part.arguments));
      return;
    case "function_call": // OpenAI Responses: `id` names the item, `call_id` the call its output answers
      body.toolCalls.push(toolCall(part.call_id ?? part.id, part.name, part.arguments));
      return;
    case "tool_use": // Anthropic
      body.toolCalls.push(toolCall(part.id, part.name, part.input));
      return;
    case "tool_call_response": // OpenTelemetry; pydantic-ai writes `result`
      body.toolResults.push({ id: optionalId(part.id), content: resultText(part.response ?? part.result) });
      return;
    case "tool_result": // Anthropic
      body.toolResults.push({ id: optionalId(part.tool_use_id), content: resultText(part.content) });
      return;
    case "function_call_output": // OpenAI Responses
      body.toolResults.push({ id: optionalId(part.call_id), content: resultText(part.output) });
      return;
  }
  if (type !== "") return; // reasoning, media and provider-specific parts carry no message text
  // Gemini parts are untyped: {text}, {functionCall}, {functionResponse}.
  const call = part.functionCall ?? part.function_call;
  const response = part.functionResponse ?? part.function_response;
  if (isRecord(call)) body.toolCalls.push(toolCall(call.id, call.name, call.args));
  else if (isRecord(response)) body.toolResults.push({ id: optionalId(response.id), content: asText(response.response) });
  else if (typeof part.text === "string") body.texts.push(part.text);
}

/** Text, tool calls and tool results of a message's `content` or `parts`. */
export function readBody(content: unknown): MessageBody {
  const body: MessageBody = { texts: [], toolCalls: [], toolResults: [] };
  if (content === undefined || content === null) return body;
  if (Array.isArray(content)) for (const part of content) addPart(body, part);
  else if (isRecord(content)) addPart(body, content);
  else body.texts.push(String(content));
  return body;
}

/**
 * Whether `value` is a list of content blocks rather than data that happens to be a list: every
 * entry names a type that messages carry. Decides whether a JSON string recorded as a message's
 * content is to be read as blocks or kept as the text it is.
 */
export function isContentBlockList(value: unknown): boolean {
  const blockTypes = new Set([...TEXT_TYPES, "image_url", "image", "input_image", "input_audio", "audio", "file", "refusal", "reasoning", "thinking", "tool_use", "tool_result", "uri", "blob"]);
  return Array.isArray(value) && value.length > 0 && value.every((v) => isRecord(v) && typeof v.type === "string" && blockTypes.has(v.type));
}
