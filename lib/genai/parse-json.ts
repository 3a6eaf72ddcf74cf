// Recorded content is often cut short by attribute length limits, or is not JSON at all: a parse
// failure is an answer ("not structured"), never an error.

/** The array or object `text` holds as JSON; undefined when it holds anything else or is malformed. */
export function parseJsonContainer(text: string): object | undefined {
  const trimmed = text.trim();
  // Only a container can hold messages; "42" or "true" is text that happens to parse.
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return value !== null && typeof value === "object" ? value : undefined;
  } catch {
    return undefined;
  }
}
