// The attributes that may explain why an entry point takes one path or another: the entry
// span's and its resource's scalar values, as strings. Stored per trace, so it is bounded.
import type { Attributes } from "../otlp/span";

export const MAX_ENTRY_ATTRIBUTES = 64;
/** Longer values are payloads or ids, never a category that separates variants. */
export const MAX_ENTRY_ATTRIBUTE_LENGTH = 128;

function scalarText(value: Attributes[string]): string | undefined {
  if (typeof value === "string") return value.length <= MAX_ENTRY_ATTRIBUTE_LENGTH ? value : undefined;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  // Tagged big integers are still categories (an account tier id, a version number).
  if (value && typeof value === "object" && !Array.isArray(value) && typeof value.$int === "string" && Object.keys(value).length === 1) return value.$int;
  return undefined;
}

/**
 * Span attributes first, then resource attributes under keys the span does not use; keys in
 * sorted order so the kept subset does not depend on the order the SDK wrote them in.
 */
export function flattenEntryAttributes(spanAttributes: Attributes, resourceAttributes: Attributes = {}): Record<string, string> {
  const out: Record<string, string> = {};
  let kept = 0;
  for (const source of [spanAttributes, resourceAttributes]) {
    for (const key of Object.keys(source).sort()) {
      if (kept >= MAX_ENTRY_ATTRIBUTES) return out;
      if (Object.hasOwn(out, key)) continue;
      const text = scalarText(source[key]);
      if (text === undefined) continue;
      out[key] = text;
      kept++;
    }
  }
  return out;
}
