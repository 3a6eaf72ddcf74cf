// Attribute filters of trace search: their text syntax (`key:value`, `key!=value`, `key exists`)
// and what a filter value matches among stored attribute values.
//
// Syntax. The key runs to the first `:` or `!=`; everything after the operator is the value,
// verbatim apart from surrounding spaces, so values may hold `:`, `!=` and inner spaces
// (`url.full:http://shop:8080/a b`). A value written as a JSON string literal is that string
// exactly (`note:"  padded "`, `empty:""`, `quoted:"\"hi\""`). A key holding `:` or `!=` is written
// as a JSON string literal too (`"aws:region":eu-west-1`). `<key> exists` keeps spans that carry
// the key with any value.
//
// Matching. Attribute values keep their JSON types (lib/otlp/span.ts); a filter value matches
// a value whose text is the same: a string by itself, a number by its JSON text (`500` matches
// the integer 500 and the string "500"; `1.5` does not match 1.50 written as text), booleans as
// `true`/`false`, arrays and maps by their compact JSON text. Integers beyond 2^53 and integral
// doubles, which the span model tags (`{"$int":"…"}`, `{"$double":5}`), match their number text
// too. An empty value (null) has no text: only `exists` matches it.
import type { AttributeValue } from "../otlp/span";

export type AttributeFilter =
  | { key: string; op: "equals"; value: string }
  | { key: string; op: "not_equals"; value: string }
  | { key: string; op: "exists" };

export const MAX_ATTRIBUTE_KEY_LENGTH = 256;
export const MAX_ATTRIBUTE_VALUE_LENGTH = 1024;

/** The filter, or the reason it cannot be read (a sentence fragment for "attr …"). */
export function parseAttributeFilter(text: string): { ok: true; filter: AttributeFilter } | { ok: false; reason: string } {
  const trimmed = text.trim();
  const key = readKey(trimmed);
  if (!key.ok) return key;
  const rest = trimmed.slice(key.end);
  if (key.key === "") return { ok: false, reason: `"${text}" names no attribute key` };
  if (key.key.length > MAX_ATTRIBUTE_KEY_LENGTH) return { ok: false, reason: `key is longer than ${MAX_ATTRIBUTE_KEY_LENGTH} characters` };
  if (/^\s+exists$/i.test(rest) || (key.quoted && /^\s*exists$/i.test(rest))) return { ok: true, filter: { key: key.key, op: "exists" } };
  const op = rest.startsWith(":") ? "equals" : rest.startsWith("!=") ? "not_equals" : null;
  if (op === null) return { ok: false, reason: `"${text}" is not key:value, key!=value or key exists` };
  const value = readValue(rest.slice(op === "equals" ? 1 : 2));
  if (!value.ok) return value;
  if (value.value.length > MAX_ATTRIBUTE_VALUE_LENGTH) return { ok: false, reason: `value is longer than ${MAX_ATTRIBUTE_VALUE_LENGTH} characters` };
  return { ok: true, filter: { key: key.key, op, value: value.value } };
}

type Read<T> = ({ ok: true } & T) | { ok: false; reason: string };

function readKey(text: string): Read<{ key: string; end: number; quoted: boolean }> {
  if (text.startsWith('"')) {
    const literal = leadingJsonString(text);
    if (literal === null) return { ok: false, reason: `the quoted key of "${text}" is not a complete JSON string` };
    return { ok: true, key: literal.value, end: literal.end, quoted: true };
  }
  const colon = text.indexOf(":");
  const bang = text.indexOf("!=");
  const operator = [colon, bang].filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (operator !== undefined) return { ok: true, key: text.slice(0, operator).trim(), end: operator, quoted: false };
  // No operator: `<key> exists`, the key being everything before the last word.
  const exists = /\s+exists$/i.exec(text);
  return { ok: true, key: exists ? text.slice(0, exists.index).trim() : text, end: exists ? exists.index : text.length, quoted: false };
}

function readValue(text: string): Read<{ value: string }> {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, reason: 'has no value (write key:"" for the empty string)' };
  if (trimmed.startsWith('"') && trimmed.endsWith('"') && trimmed.length >= 2) {
    const literal = leadingJsonString(trimmed);
    if (literal !== null && literal.end === trimmed.length) return { ok: true, value: literal.value };
  }
  return { ok: true, value: trimmed };
}

/** The JSON string literal at the start of `text`, decoded, and where it ends. */
function leadingJsonString(text: string): { value: string; end: number } | null {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === "\\") {
      i++;
      continue;
    }
    if (text[i] === '"') {
      try {
        return { value: JSON.parse(text.slice(0, i + 1)) as string, end: i + 1 };
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The filter in the syntax parseAttributeFilter reads, quoting only where it must. */
export function formatAttributeFilter(filter: AttributeFilter): string {
  const key = /:|!=|^\s|\s$|^"/.test(filter.key) || filter.key === "" || (filter.op === "exists" && /\sexists$/i.test(filter.key)) ? JSON.stringify(filter.key) : filter.key;
  if (filter.op === "exists") return `${key} exists`;
  const value = filter.value === "" || filter.value !== filter.value.trim() || (filter.value.startsWith('"') && filter.value.endsWith('"')) ? JSON.stringify(filter.value) : filter.value;
  return `${key}${filter.op === "equals" ? ":" : "!="}${value}`;
}

/**
 * Every stored attribute value, as compact JSON text, whose text is `value`: what an equality
 * filter compares stored values with. Always the string itself; plus the number, boolean,
 * tagged number or JSON array/map that `value` spells.
 */
export function attributeValueJsonTexts(value: string): string[] {
  const out = [JSON.stringify(value)];
  const add = (v: AttributeValue) => {
    const text = JSON.stringify(v);
    if (!out.includes(text)) out.push(text);
  };
  if (value === "true" || value === "false") add(value === "true");
  else if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(value)) {
    const n = Number(value);
    // A number matches only where its JSON text is this spelling (1.5, not 1.50 or 15e-1).
    if (Number.isFinite(n) && JSON.stringify(n) === value) {
      // Stored as themselves: integers within ±2^53 and non-integral doubles.
      if (Number.isSafeInteger(n) || !Number.isInteger(n)) add(n);
      // An integral double (5.0) is tagged so it reads back as a double.
      if (Number.isInteger(n)) add({ $double: n });
    }
    if (/^-?[1-9]\d*$/.test(value) && !Number.isSafeInteger(n)) add({ $int: value });
    if (value === "-0") add({ $double: "-0" });
  } else if (value === "NaN" || value === "Infinity" || value === "-Infinity") add({ $double: value });
  else if (value.startsWith("[") || value.startsWith("{")) {
    try {
      add(JSON.parse(value) as AttributeValue);
    } catch {
      // Not JSON: only the string itself.
    }
  }
  return out;
}
