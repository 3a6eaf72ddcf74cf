// Finds the first JSON syntax error in a text JSON.parse rejected, and says what was expected
// there. Only runs after a failed parse, so it favours plain messages over speed; it keeps an
// explicit stack so deeply nested input cannot overflow the call stack.

export interface JsonSyntaxError {
  /** Offset of the offending character (the text's length when the file ends too early). */
  offset: number;
  reason: string;
}

type State = "value" | "firstValueOrClose" | "valueAfterComma" | "keyOrClose" | "keyAfterComma" | "after";

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const HEX4 = /^[0-9a-fA-F]{4}$/;
const VALUE = "a value (a string in double quotes, a number, true, false, null, an object or an array)";

export function locateJsonSyntaxError(text: string): JsonSyntaxError {
  const stack: ("[" | "{")[] = [];
  let pos = 0;
  let state: State = "value";
  const fail = (offset: number, reason: string): JsonSyntaxError => ({ offset, reason });

  for (;;) {
    while (pos < text.length && isJsonWhitespace(text[pos])) pos++;
    const end = pos >= text.length;
    const c = text[pos];
    const top = stack[stack.length - 1];
    const close = top === "[" ? "]" : "}";

    if (state === "after") {
      if (top === undefined) {
        if (end) return fail(0, "not valid JSON");
        return fail(pos, `unexpected ${unexpected(text, pos)} after the end of the JSON value: a file holds one JSON document (JSON Lines files are read line by line)`);
      }
      if (end) return fail(pos, `the file ends inside ${top === "[" ? "an array" : "an object"}: expected ',' or '${close}'`);
      if (c === ",") {
        pos++;
        state = top === "[" ? "valueAfterComma" : "keyAfterComma";
      } else if (c === close) {
        pos++;
        stack.pop();
      } else {
        return fail(pos, `expected ',' or '${close}' ${top === "[" ? "after an array element" : "after a property value"}, found ${unexpected(text, pos)}`);
      }
      continue;
    }

    if (state === "keyOrClose" || state === "keyAfterComma") {
      if (end) return fail(pos, "the file ends inside an object: expected a property name");
      if (c === "}") {
        if (state === "keyAfterComma") return fail(pos, "a '}' cannot follow ',': remove the trailing comma");
        pos++;
        stack.pop();
        state = "after";
        continue;
      }
      if (c !== '"') {
        const hint = c === "'" ? " (JSON does not allow single quotes)" : "";
        return fail(pos, `expected a property name in double quotes, found ${unexpected(text, pos)}${hint}`);
      }
      const stringError = scanString(text, pos);
      if (typeof stringError !== "number") return stringError;
      pos = stringError;
      while (pos < text.length && isJsonWhitespace(text[pos])) pos++;
      if (text[pos] !== ":") return fail(pos, `expected ':' after the property name, found ${pos >= text.length ? "the end of the file" : unexpected(text, pos)}`);
      pos++;
      state = "value";
      continue;
    }

    // A value is expected.
    if (end) return fail(pos, stack.length === 0 ? "the file holds no JSON value" : "the file ends before the JSON is complete: expected " + VALUE);
    if (c === "]" && state === "firstValueOrClose") {
      pos++;
      stack.pop();
      state = "after";
    } else if (c === "]" && state === "valueAfterComma") {
      return fail(pos, "a ']' cannot follow ',': remove the trailing comma");
    } else if (c === "{" || c === "[") {
      stack.push(c);
      pos++;
      state = c === "{" ? "keyOrClose" : "firstValueOrClose";
    } else if (c === '"') {
      const stringError = scanString(text, pos);
      if (typeof stringError !== "number") return stringError;
      pos = stringError;
      state = "after";
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      NUMBER.lastIndex = pos;
      const match = NUMBER.exec(text);
      if (match === null) return fail(pos, "invalid number");
      const next = text[pos + match[0].length];
      if (match[0].replace("-", "") === "0" && next !== undefined && next >= "0" && next <= "9") return fail(pos, "a number cannot start with 0");
      if (next === "." || next === "e" || next === "E") return fail(pos + match[0].length, "invalid number: digits must follow '.' and the exponent");
      pos += match[0].length;
      state = "after";
    } else if (text.startsWith("true", pos) || text.startsWith("null", pos)) {
      pos += 4;
      state = "after";
    } else if (text.startsWith("false", pos)) {
      pos += 5;
      state = "after";
    } else {
      return fail(pos, `expected ${VALUE}, found ${unexpected(text, pos)}`);
    }
  }
}

/** The offset after the closing quote, or the error inside the string that starts at `start`. */
function scanString(text: string, start: number): number | JsonSyntaxError {
  for (let pos = start + 1; pos < text.length; pos++) {
    const c = text[pos];
    if (c === '"') return pos + 1;
    if (c === "\\") {
      const e = text[pos + 1];
      if (e === "u") {
        if (!HEX4.test(text.slice(pos + 2, pos + 6))) return { offset: pos, reason: "invalid \\u escape in a string: four hex digits must follow" };
        pos += 5;
      } else if (e !== undefined && ESCAPES.has(e)) {
        pos++;
      } else {
        return { offset: pos, reason: `invalid escape '\\${e ?? ""}' in a string` };
      }
    } else if (c.charCodeAt(0) < 0x20) {
      const reason = c === "\n" ? "a string runs past the end of its line: close it with '\"' or write the line break as \\n" : "a control character inside a string: escape it";
      return { offset: pos, reason };
    }
  }
  return { offset: start, reason: "a string is never closed: '\"' missing" };
}

function isJsonWhitespace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r";
}

function unexpected(text: string, pos: number): string {
  WORD.lastIndex = pos;
  const word = WORD.exec(text);
  if (word !== null) return `'${word[0].length > 20 ? `${word[0].slice(0, 20)}…` : word[0]}'`;
  return text[pos] === "'" ? `"'"` : `'${text[pos]}'`;
}
