// Attribute values as people read them. The API keeps OTLP values lossless with tagged objects
// ({"$int"}, {"$double"}, {"$bytes"}, {"$kvlist"}; see lib/otlp/span.ts); here they read plainly.

export function formatAttributeValue(value: unknown): string {
  if (value === null || value === undefined) return "(empty)";
  if (typeof value === "string") return value === "" ? '""' : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(untag(value));
}

function untag(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(untag);
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1) {
      const [key, inner] = entries[0];
      if (key === "$int" || key === "$double") return inner;
      if (key === "$bytes") return `base64:${String(inner)}`;
      if (key === "$kvlist") return untag(inner);
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, untag(v)]));
  }
  return value;
}

/** Whether a value is shown as a string (monospace otherwise, like code). */
export const isPlainString = (value: unknown) => typeof value === "string" && value !== "";

export function attributeEntries(attributes: unknown): [string, unknown][] {
  if (!attributes || typeof attributes !== "object" || Array.isArray(attributes)) return [];
  return Object.entries(attributes as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
