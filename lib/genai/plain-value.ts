// Span attributes keep OTLP's value types losslessly through tagged objects ({"$int": ...},
// {"$kvlist": ...}); message content wants plain JSON, so the tags are unwrapped here.
import type { AttributeValue } from "../otlp/span";

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `value` with every `$int`/`$double`/`$kvlist` tag replaced by the plain value it stands for. */
export function plainValue(value: AttributeValue | undefined): unknown {
  if (Array.isArray(value)) return value.map(plainValue);
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const tagged = value[keys[0]];
    if (keys[0] === "$int" && typeof tagged === "string") return Number(tagged);
    if (keys[0] === "$double") return typeof tagged === "number" ? tagged : Number(tagged);
    if (keys[0] === "$kvlist" && isRecord(tagged)) return plainValue(tagged);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainValue(v)]));
}

export { isRecord };
