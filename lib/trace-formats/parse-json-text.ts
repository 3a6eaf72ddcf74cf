// JSON.parse with an error a person can act on: line, column and what was expected there.
// V8's own messages differ between Node versions (some give only an offset, some quote the
// input), so on failure the text is scanned again by locateJsonSyntaxError, which speaks the
// same words everywhere and never echoes file contents.
import { locateJsonSyntaxError } from "./locate-json-syntax-error";

export type ParsedJson = { ok: true; value: unknown } | { ok: false; line: number; column: number; reason: string };

export function parseJsonText(text: string): ParsedJson {
  // Windows editors save UTF-8 with a byte-order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const { offset, reason } = locateJsonSyntaxError(body);
    return { ok: false, ...lineAndColumn(body, offset), reason };
  }
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
