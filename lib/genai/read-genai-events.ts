// GenAI content recorded as span events: `gen_ai.content.prompt` / `gen_ai.content.completion`
// (attributes `gen_ai.prompt` / `gen_ai.completion`), and the per-message events that replaced
// them (`gen_ai.system.message`, `gen_ai.user.message`, `gen_ai.assistant.message`,
// `gen_ai.tool.message`, `gen_ai.choice`). pydantic-ai (through Logfire) writes the same events
// as a JSON list in one `events` span attribute, each entry naming itself in `event.name`.
import type { Attributes, Span } from "../otlp/span";
import type { ChatMessage } from "./llm-call";
import { parseJsonContainer } from "./parse-json";
import { isRecord, plainValue } from "./plain-value";
import type { RecordedMessages } from "./recorded-messages";
import { messageToChatMessages, toChatMessages } from "./to-chat-messages";

const MESSAGE_EVENT_ROLES: Record<string, string> = {
  "gen_ai.system.message": "system",
  "gen_ai.user.message": "user",
  "gen_ai.assistant.message": "assistant",
  "gen_ai.tool.message": "tool",
};

interface GenAiEvent {
  name: string;
  attributes: Record<string, unknown>;
}

/** Event attributes cannot nest in every SDK, so `message` and `tool_calls` may arrive as JSON strings. */
function structured(value: unknown): unknown {
  return typeof value === "string" ? (parseJsonContainer(value) ?? value) : value;
}

function readEvents(events: readonly GenAiEvent[]): RecordedMessages {
  const recorded: RecordedMessages = { input: [], output: [] };
  for (const { name, attributes } of events) {
    if (name === "gen_ai.content.prompt") {
      recorded.input.push(...toChatMessages(attributes["gen_ai.prompt"], "user"));
    } else if (name === "gen_ai.content.completion") {
      recorded.output.push(...toChatMessages(attributes["gen_ai.completion"], "assistant"));
    } else if (name in MESSAGE_EVENT_ROLES) {
      const message = { ...attributes, tool_calls: structured(attributes.tool_calls) };
      recorded.input.push(...messageToChatMessages(message, MESSAGE_EVENT_ROLES[name]));
    } else if (name === "gen_ai.choice") {
      const message = structured(attributes.message);
      const choice: ChatMessage[] = isRecord(message)
        ? messageToChatMessages({ ...message, tool_calls: structured(message.tool_calls) }, "assistant")
        : messageToChatMessages({ ...attributes, tool_calls: structured(attributes.tool_calls) }, "assistant");
      recorded.output.push(...choice);
    }
  }
  return recorded;
}

function eventsAttribute(attributes: Attributes): GenAiEvent[] {
  const value = plainValue(attributes.events);
  const list = typeof value === "string" ? parseJsonContainer(value) : value;
  if (!Array.isArray(list)) return [];
  return list.filter(isRecord).map((entry) => ({ name: String(entry["event.name"] ?? ""), attributes: entry }));
}

export function readGenAiEvents(span: Pick<Span, "events" | "attributes">): RecordedMessages {
  const spanEvents = span.events.map((event) => ({ name: event.name, attributes: plainValue(event.attributes) as Record<string, unknown> }));
  const fromSpanEvents = readEvents(spanEvents);
  if (fromSpanEvents.input.length > 0 || fromSpanEvents.output.length > 0) return fromSpanEvents;
  return readEvents(eventsAttribute(span.attributes));
}
