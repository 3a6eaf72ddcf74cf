// Which span and event attributes hold prompt or completion content, under every convention the
// extractor reads (see llm-call.ts) plus a few framework-specific names seen in the wild.
//
// Whole attributes are content (gen_ai.input.messages, input.value, ...). For the flattened
// per-message conventions, a message's attributes are content unless they are known metadata
// (role, ids, tool names, finish reasons): unknown fields under a message are more likely new
// kinds of content (images, audio, reasoning) than metadata, and privacy should fail closed.

/** Attributes whose whole value is content. */
const CONTENT_ATTRIBUTES: ReadonlySet<string> = new Set([
  // OpenTelemetry GenAI semantic conventions
  "gen_ai.input.messages",
  "gen_ai.output.messages",
  "gen_ai.system_instructions",
  "gen_ai.prompt",
  "gen_ai.completion",
  "gen_ai.tool.call.arguments",
  "gen_ai.tool.call.result",
  // OpenInference
  "input.value",
  "output.value",
  "llm.prompts",
  // The same lists as structured values, where an SDK can nest attributes.
  "llm.input_messages",
  "llm.output_messages",
  "llm.prompt_template.template",
  "llm.prompt_template.variables",
  // Vercel AI SDK
  "ai.prompt",
  "ai.prompt.messages",
  "ai.response.text",
  "ai.response.object",
  "ai.response.toolCalls",
  "ai.response.reasoning",
  "ai.toolCall.args",
  "ai.toolCall.result",
  // Pydantic AI and Langfuse
  "pydantic_ai.all_messages",
  "langfuse.observation.input",
  "langfuse.observation.output",
  "langfuse.trace.input",
  "langfuse.trace.output",
]);

/** Flattened per-message attributes: `gen_ai.prompt.0.content`, `llm.output_messages.1.message.role`. */
const FLATTENED_MESSAGE = /^(?:gen_ai\.(?:prompt|completion)|llm\.(?:input|output)_messages)\.\d+\./;

/** Everything under `llm.prompts.` (OpenInference's list of raw prompt strings). */
const FLATTENED_PROMPTS = /^llm\.prompts\./;

/** The last segment of attributes that describe a message rather than hold its content. */
const METADATA_LEAVES: ReadonlySet<string> = new Set([
  "role",
  "type",
  "id",
  "name",
  "index",
  "finish_reason",
  "tool_call_id",
  "mime_type",
  "function_call_name",
]);

/** Event-level attributes of content events that are metadata. */
const EVENT_METADATA_ATTRIBUTES: ReadonlySet<string> = new Set([
  "gen_ai.system",
  "gen_ai.provider.name",
  "gen_ai.operation.name",
  "gen_ai.request.model",
  "gen_ai.response.model",
  "gen_ai.response.id",
  "event.name",
]);

/** Events that carry one prompt, completion or message each. */
const CONTENT_EVENT = /^gen_ai\.(?:content\.(?:prompt|completion)|choice|[a-z_]+\.message)$/;

function isMetadataLeaf(key: string): boolean {
  return METADATA_LEAVES.has(key.slice(key.lastIndexOf(".") + 1));
}

/** Whether a span attribute (or any event's attribute of the same name) is content. */
export function isContentAttribute(key: string): boolean {
  if (CONTENT_ATTRIBUTES.has(key) || FLATTENED_PROMPTS.test(key)) return true;
  return FLATTENED_MESSAGE.test(key) && !isMetadataLeaf(key);
}

export function isContentEvent(eventName: string): boolean {
  return CONTENT_EVENT.test(eventName);
}

/**
 * Whether an event attribute is content. Inside a content event (`gen_ai.user.message`,
 * `gen_ai.choice`, ...) everything but known metadata is: their bodies arrive flattened in
 * many shapes (`content`, `message`, `message.content`, `tool_calls.0.function.arguments`).
 */
export function isEventContentAttribute(eventName: string, key: string): boolean {
  if (isContentAttribute(key)) return true;
  if (!isContentEvent(eventName)) return false;
  return !EVENT_METADATA_ATTRIBUTES.has(key) && !isMetadataLeaf(key);
}
