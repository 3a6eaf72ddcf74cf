// What of an LLM span's prompt and completion content is kept: a workspace chooses to keep it,
// drop it, or keep it with personal data (emails, phone numbers, card numbers) redacted. Model,
// token counts, roles, tool names and all other metadata are kept in every mode, so usage,
// cost and latency statistics do not depend on the choice.
import { z } from "zod";
import type { Attributes } from "../otlp/span";
import { applyPrivacyToEventsAttribute, EVENTS_ATTRIBUTE, isGenAiEventsValue } from "./content-privacy-events-attribute";
import { isContentAttribute, isContentEvent, isEventContentAttribute } from "./content-privacy-fields";
import { redactAttributeValue } from "./redact-attribute-value";
import { addRedactionCounts, emptyRedactionCounts, type RedactionCounts } from "./redact-pii";

export const contentPrivacyModeSchema = z.enum(["keep", "drop", "redact"], {
  error: 'must be "keep", "drop" or "redact"',
});

export type ContentPrivacyMode = z.infer<typeof contentPrivacyModeSchema>;

export interface PrivacyEvent {
  name: string;
  attributes: Attributes;
}

export interface ContentPrivacyResult<E extends PrivacyEvent> {
  attributes: Attributes;
  /** The events in order, each a copy with its attributes replaced. */
  events: E[];
  /** Content attributes removed ("drop"): span and event attributes, and fields of the `events` attribute. */
  droppedAttributes: number;
  /** What "redact" replaced, over every content attribute. */
  redactions: RedactionCounts;
}

/**
 * Whether applyContentPrivacy could change anything in the span under "drop" or "redact": a
 * cheap pre-check (attribute keys and event names, and a parse only of a GenAI-looking `events`
 * attribute) so spans without LLM content can skip the copy.
 */
export function holdsLlmContent(span: { attributes: Attributes; events: readonly PrivacyEvent[] }): boolean {
  for (const key in span.attributes) if (isContentAttribute(key)) return true;
  const eventsAttribute = span.attributes[EVENTS_ATTRIBUTE];
  if (eventsAttribute !== undefined && isGenAiEventsValue(eventsAttribute)) return true;
  return span.events.some(
    (event) => isContentEvent(event.name) || Object.keys(event.attributes).some((key) => isEventContentAttribute(event.name, key)),
  );
}

/**
 * Applies a privacy mode to a span's attributes and events. Returns new objects and never
 * changes the input. Events keep every other field as it was (an event's
 * droppedAttributesCount stays the count of attributes its SDK dropped, not ours).
 */
export function applyContentPrivacy<E extends PrivacyEvent>(
  span: { attributes: Attributes; events: readonly E[] },
  mode: ContentPrivacyMode,
): ContentPrivacyResult<E> {
  let droppedAttributes = 0;
  let redactions = emptyRedactionCounts();

  const filter = (attributes: Attributes, isContent: (key: string) => boolean): Attributes => {
    if (mode === "keep") return { ...attributes };
    const out: Attributes = {};
    for (const [key, value] of Object.entries(attributes)) {
      if (!isContent(key)) {
        out[key] = value;
      } else if (mode === "drop") {
        droppedAttributes += 1;
      } else {
        const redacted = redactAttributeValue(value);
        redactions = addRedactionCounts(redactions, redacted.counts);
        out[key] = redacted.value;
      }
    }
    return out;
  };

  const attributes = filter(span.attributes, isContentAttribute);
  // Logfire's `events` attribute holds whole GenAI events, so it is filtered entry by entry.
  const eventsAttribute = span.attributes[EVENTS_ATTRIBUTE];
  const filteredEvents =
    mode === "keep" || eventsAttribute === undefined ? null : applyPrivacyToEventsAttribute(eventsAttribute, mode);
  if (filteredEvents !== null) {
    droppedAttributes += filteredEvents.dropped;
    redactions = addRedactionCounts(redactions, filteredEvents.redactions);
    if (filteredEvents.value === undefined) delete attributes[EVENTS_ATTRIBUTE];
    else attributes[EVENTS_ATTRIBUTE] = filteredEvents.value;
  }

  const events = span.events.map((event) => ({
    ...event,
    attributes: filter(event.attributes, (key) => isEventContentAttribute(event.name, key)),
  }));
  return { attributes, events, droppedAttributes, redactions };
}
