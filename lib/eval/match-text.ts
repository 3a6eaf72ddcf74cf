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

/** The output parsed as a JSON object or array (a bare string or number is not a JSON document here). */
export function parseJsonDocument(text: string): { ok: true; value: object } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON (${(error as Error).message})` };
  }
  if (value !== null && typeof value === "object") return { ok: true, value };
  return { ok: false, reason: `JSON ${value === null ? "null" : typeof value}, not an object or array` };
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
