// Redacts personal data in every string inside an attribute value. Message attributes are often
// JSON text (`gen_ai.input.messages`, `input.value`, tool call arguments); those are parsed,
// redacted string by string and written back, because in the raw text an escape such as `\n`
// glues letters to a number (`at\n415-555-0100`) and hides it from the patterns. Text that is
// not JSON, or whose numbers would not survive the round trip, is redacted as it is.
import type { AttributeValue } from "../otlp/span";
import { addRedactionCounts, emptyRedactionCounts, redactPii, type RedactionCounts } from "./redact-pii";

export interface RedactedValue<T> {
  value: T;
  counts: RedactionCounts;
}

/** JSON nested in JSON in JSON is rare; the bound keeps a crafted value from recursing deeply. */
const MAX_JSON_DEPTH = 8;

export function redactAttributeValue(value: AttributeValue): RedactedValue<AttributeValue> {
  const counts = emptyRedactionCounts();
  const redacted = redactValue(value, counts, 0);
  return { value: redacted, counts };
}

function redactValue(value: AttributeValue, counts: RedactionCounts, jsonDepth: number): AttributeValue {
  if (typeof value === "string") return redactString(value, counts, jsonDepth);
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => {
      const redacted = redactValue(item, counts, jsonDepth);
      changed ||= redacted !== item;
      return redacted;
    });
    return changed ? items : value;
  }
  if (value === null || typeof value !== "object") return value;
  // Tagged scalars ({"$bytes": ...}, {"$int": ...}, {"$double": ...}) are not text.
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === "$bytes" || keys[0] === "$int" || keys[0] === "$double")) return value;
  let changed = false;
  const entries = keys.map((key): [string, AttributeValue] => {
    const redacted = redactValue(value[key], counts, jsonDepth);
    changed ||= redacted !== value[key];
    return [key, redacted];
  });
  return changed ? Object.fromEntries(entries) : value;
}

function redactString(text: string, counts: RedactionCounts, jsonDepth: number): string {
  if (jsonDepth < MAX_JSON_DEPTH && looksLikeJsonContainer(text)) {
    const parsed = parseJson(text);
    if (parsed !== undefined && !hasLossyNumber(parsed)) {
      const nested = emptyRedactionCounts();
      const redacted = redactValue(parsed, nested, jsonDepth + 1);
      if (redacted === parsed) return text;
      Object.assign(counts, addRedactionCounts(counts, nested));
      return JSON.stringify(redacted);
    }
  }
  const result = redactPii(text);
  if (result.total === 0) return text;
  Object.assign(counts, addRedactionCounts(counts, result.counts));
  return result.text;
}

/**
 * Integers beyond 2^53 (ids, nanosecond timestamps) and overflowing literals would come back
 * changed from a parse and re-serialise; such text is redacted raw instead.
 */
export function hasLossyNumber(value: AttributeValue): boolean {
  if (typeof value === "number") return !Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value));
  if (Array.isArray(value)) return value.some(hasLossyNumber);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasLossyNumber);
  return false;
}

function looksLikeJsonContainer(text: string): boolean {
  const trimmed = text.trim();
  return (trimmed.startsWith("{") && trimmed.endsWith("}")) || (trimmed.startsWith("[") && trimmed.endsWith("]"));
}

function parseJson(text: string): AttributeValue | undefined {
  try {
    return JSON.parse(text) as AttributeValue;
  } catch {
    return undefined;
  }
}
