// Stored attributes tag what plain JSON would blur (see AttributeValue in lib/otlp/span).
// Assertions compare against literals people type, so tags are unwrapped into the value a
// reader would expect. An integer beyond 2^53 stays its exact decimal string: turning it into
// a nearby double would make `== '9007199254740993'` impossible to write and equality silently
// wrong, while the string compares exactly.
import type { AttributeValue, Attributes } from "../otlp/span";
import type { PlainRecord, PlainValue } from "./plain-value";

export function normalizeAttributes(attributes: Attributes | undefined): PlainRecord {
  if (attributes === undefined) return {};
  return normalizeRecord(attributes);
}

/** Recursive: ingestion already refuses values nested more than 100 levels deep. */
export function normalizeAttributeValue(value: AttributeValue): PlainValue {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(normalizeAttributeValue);
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const tagged = value[keys[0]];
    switch (keys[0]) {
      case "$int":
        if (typeof tagged === "string") {
          const asNumber = Number(tagged);
          return Number.isSafeInteger(asNumber) ? asNumber : tagged;
        }
        break;
      case "$double":
        if (typeof tagged === "number") return tagged;
        if (typeof tagged === "string") return tagged === "-0" ? -0 : Number(tagged);
        break;
      case "$bytes":
        // Base64 text is the only form a literal could match.
        if (typeof tagged === "string") return tagged;
        break;
      case "$kvlist":
        if (tagged !== null && typeof tagged === "object" && !Array.isArray(tagged)) return normalizeRecord(tagged);
        break;
    }
  }
  return normalizeRecord(value);
}

function normalizeRecord(value: { [key: string]: AttributeValue }): PlainRecord {
  // fromEntries defines own properties, so a key such as "__proto__" stays a key.
  return Object.fromEntries(Object.keys(value).map((key) => [key, normalizeAttributeValue(value[key])]));
}
