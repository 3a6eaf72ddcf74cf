// An array or map attribute as the JSON text Jaeger shows for it. Jaeger tags have no array or
// map type, so the Collector writes such a value as a string, pcommon.Value.AsString(), which is
// Go's encoding/json output: map keys sorted, "<", ">" and "&" escaped, bytes as base64. This
// writes the same text, so a value reads alike in Jaeger and in Flowprint's Jaeger answer.
import type { AnyValue } from "../otlp/any-value";
import { encodeBase64 } from "../otlp/encode-base64";

export function formatGoJson(value: AnyValue): string {
  switch (value.type) {
    case "empty":
      return "null";
    case "string":
      return quoteGoString(value.value);
    case "bool":
      return String(value.value);
    case "int":
      return value.value.toString();
    case "double":
      return formatGoFloat(value.value);
    case "bytes":
      return quoteGoString(encodeBase64(value.value));
    case "array":
      return `[${value.values.map(formatGoJson).join(",")}]`;
    case "kvlist": {
      const entries = [...value.values].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return `{${entries.map((e) => `${quoteGoString(e.key)}:${formatGoJson(e.value)}`).join(",")}}`;
    }
  }
}

/** JSON has no NaN or infinities (Go's encoder refuses them); their names keep the value readable. */
function formatGoFloat(n: number): string {
  if (!Number.isFinite(n)) return quoteGoString(String(n));
  // JavaScript and Go both write the shortest round-tripping form and switch to exponents at
  // the same bounds (1e-6, 1e21); only negative zero differs.
  return Object.is(n, -0) ? "-0" : String(n);
}

const HEX = "0123456789abcdef";

export function quoteGoString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else if (c === 0x08) out += "\\b";
    else if (c === 0x0c) out += "\\f";
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26) out += `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
    else if (c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16)}`;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) out += text[i] + text[++i];
    // A lone surrogate is not valid UTF-8; Go writes the replacement character.
    else if (c >= 0xd800 && c <= 0xdfff) out += "\ufffd";
    else out += text[i];
  }
  return `${out}"`;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
