// pydantic-ai, through Logfire, writes its GenAI events not as span events but as one span
// attribute named `events`: a list (usually JSON text) of objects, each naming itself in
// `event.name` and otherwise shaped like the span event's attributes. The extractor reads
// messages from it, so privacy treats each entry like a span event of that name. The name
// `events` is generic; the attribute is only touched when it holds such a list.
import type { AttributeValue, Attributes } from "../otlp/span";
import { isContentEvent, isEventContentAttribute } from "./content-privacy-fields";
import { hasLossyNumber, redactAttributeValue } from "./redact-attribute-value";
import { addRedactionCounts, emptyRedactionCounts, type RedactionCounts } from "./redact-pii";

export const EVENTS_ATTRIBUTE = "events";

type Entry = { [key: string]: AttributeValue };

export interface EventsAttributeResult {
  /** undefined: remove the attribute. */
  value: AttributeValue | undefined;
  dropped: number;
  redactions: RedactionCounts;
}

/** The entries of a Logfire-style `events` value, or null when it is not one. */
function readEntries(value: AttributeValue): { entries: Entry[]; asText: boolean } | null {
  let list: unknown = value;
  const asText = typeof value === "string";
  if (typeof value === "string") {
    try {
      list = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!Array.isArray(list)) return null;
  const entries = list.filter((entry): entry is Entry => entry !== null && typeof entry === "object" && !Array.isArray(entry));
  if (entries.length !== list.length) return null;
  const isGenAi = entries.some((entry) => typeof entry["event.name"] === "string" && isContentEvent(entry["event.name"]));
  return isGenAi ? { entries, asText } : null;
}

/** Whether `value` is a list of GenAI events. */
export function isGenAiEventsValue(value: AttributeValue): boolean {
  // Most `events` attributes in the wild are not GenAI ones; skip the parse when it cannot be.
  if (typeof value === "string" && !value.includes("gen_ai.")) return false;
  return readEntries(value) !== null;
}

/** null when `value` is not a list of GenAI events; the caller then leaves it as it is. */
export function applyPrivacyToEventsAttribute(value: AttributeValue, mode: "drop" | "redact"): EventsAttributeResult | null {
  const read = readEntries(value);
  if (read === null) return null;
  // Written back, these would change; fail closed for drop (remove it all), and for redact let
  // the raw-text fallback handle it.
  if (read.asText && hasLossyNumber(read.entries)) {
    if (mode === "drop") return { value: undefined, dropped: 1, redactions: emptyRedactionCounts() };
    const redacted = redactAttributeValue(value);
    return { value: redacted.value, dropped: 0, redactions: redacted.counts };
  }
  let dropped = 0;
  let redactions = emptyRedactionCounts();
  const entries = read.entries.map((entry) => {
    const name = typeof entry["event.name"] === "string" ? entry["event.name"] : "";
    const out: Attributes = {};
    for (const [key, field] of Object.entries(entry)) {
      if (!isEventContentAttribute(name, key)) {
        out[key] = field;
      } else if (mode === "drop") {
        dropped += 1;
      } else {
        const redacted = redactAttributeValue(field);
        redactions = addRedactionCounts(redactions, redacted.counts);
        out[key] = redacted.value;
      }
    }
    return out;
  });
  const changed = dropped > 0 || redactions.email + redactions.phone + redactions.card > 0;
  if (!changed) return { value, dropped, redactions };
  return { value: read.asText ? JSON.stringify(entries) : entries, dropped, redactions };
}
