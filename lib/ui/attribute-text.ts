// Attribute keys and values laid out for a narrow panel: keys break after their dots and
// underscores instead of mid-word, and JSON recorded as a string (GenAI messages, request
// bodies) is indented so it wraps at its own structure rather than anywhere in one long line.

/** "gen_ai.input.messages" → ["gen_", "ai.", "input.", "messages"]: where a key may wrap. */
export function keySegments(key: string): string[] {
  const segments = key.match(/[^._/:-]*(?:[._/:-]+|$)/g)?.filter((s) => s !== "") ?? [];
  return segments.length > 0 ? segments : [key];
}

/** A string holding a JSON object or array, indented for reading; null for anything else. */
export function indentedJson(text: string): string | null {
  const trimmed = text.trim();
  if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return null;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return parsed !== null && typeof parsed === "object" ? JSON.stringify(parsed, null, 2) : null;
  } catch {
    return null;
  }
}
