// How outputs are measured and searched, shared by the baseline derived at export and the
// checks at run time so that a production completion always meets its own baseline.

/** Length in characters as a person counts them (Unicode code points, not UTF-16 units). */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

// Models write "can’t" as often as "can't"; a refusal must not slip past on the apostrophe.
const APOSTROPHES = /[\u2018\u2019\u02BC\uFF07]/g;

function normalized(text: string): string {
  return text.replace(APOSTROPHES, "'").toLowerCase();
}

/** Where `phrase` first occurs in `text`, ignoring case and apostrophe style; -1 when it does not. */
export function findPhrase(text: string, phrase: string): number {
  return normalized(text).indexOf(normalized(phrase));
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; reason: string };

/** The output parsed as one JSON value, as JSON.parse takes it: any value, whitespace around it allowed. */
export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: `not JSON (${(error as Error).message})` };
  }
}

/** What a JSON value is, for reports: `a JSON object`, `a JSON string`, `JSON null`. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return "JSON null";
  if (Array.isArray(value)) return "a JSON array";
  return `a JSON ${typeof value}`;
}

/** The output parsed as a JSON object or array: what a structured answer looks like (a bare `42` is not one). */
export function parseJsonDocument(text: string): { ok: true; value: object } | { ok: false; reason: string } {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  if (parsed.value !== null && typeof parsed.value === "object") return { ok: true, value: parsed.value };
  return { ok: false, reason: `${describeJsonValue(parsed.value)}, not an object or array` };
}

/**
 * Where the first JSON object inside `text` starts (prose around it allowed), or -1: a `{`
 * whose balanced span, braces inside strings skipped, parses as JSON. promptfoo's contains-json
 * also looks for objects only, though it reads them more loosely (comments allowed).
 */
export function findJsonObject(text: string): number {
  for (let start = text.indexOf("{"); start !== -1; start = text.indexOf("{", start + 1)) {
    const end = balancedEnd(text, start);
    if (end === -1) continue;
    try {
      JSON.parse(text.slice(start, end + 1));
      return start;
    } catch {
      // Braces that are not JSON ("{shipped}"): try the next opening brace.
    }
  }
  return -1;
}

/** The index of the `}` closing the `{` at `start`, skipping braces inside JSON strings; -1 when unbalanced. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === "\\") i++;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return i;
  }
  return -1;
}

/**
 * A one-line quoted piece of `text` around `index` for reports: long outputs are cut with "…"
 * and line breaks show as \n, so each problem stays on its line.
 */
export function excerpt(text: string, index = 0, width = 80): string {
  const points = Array.from(text);
  // `index` counts UTF-16 units; convert to a code point position.
  const at = characterCount(text.slice(0, Math.max(0, index)));
  const start = Math.max(0, Math.min(at - Math.floor(width / 3), points.length - width));
  const end = Math.min(points.length, start + width);
  const body = JSON.stringify(points.slice(start, end).join(""));
  return `${start > 0 ? "…" : ""}${body}${end < points.length ? "…" : ""}`;
}
