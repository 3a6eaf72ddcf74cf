// AttributeValue → AnyValue: the inverse of encodeAttributeValue, so a stored attribute can be
// sent on as OTLP unchanged (and so tests can prove the encoding loses nothing).
import type { AnyValue } from "./any-value";
import { decodeBase64 } from "./decode-base64";
import type { AttributeValue } from "./span";

export function decodeAttributeValue(value: AttributeValue): AnyValue {
  if (value === null) return { type: "empty" };
  if (typeof value === "string") return { type: "string", value };
  if (typeof value === "boolean") return { type: "bool", value };
  if (typeof value === "number") {
    // The encoder writes integral doubles tagged, so a plain integral number is an int.
    return Number.isSafeInteger(value) ? { type: "int", value: BigInt(value) } : { type: "double", value };
  }
  if (Array.isArray(value)) return { type: "array", values: value.map(decodeAttributeValue) };
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const tagged = value[keys[0]];
    switch (keys[0]) {
      case "$int":
        if (typeof tagged === "string") return { type: "int", value: BigInt(tagged) };
        break;
      case "$double":
        if (typeof tagged === "number") return { type: "double", value: tagged };
        if (typeof tagged === "string") return { type: "double", value: tagged === "-0" ? -0 : Number(tagged) };
        break;
      case "$bytes":
        if (typeof tagged === "string") {
          const bytes = decodeBase64(tagged);
          if (bytes !== null) return { type: "bytes", value: bytes };
        }
        break;
      case "$kvlist":
        if (tagged !== null && typeof tagged === "object" && !Array.isArray(tagged)) return kvlist(tagged);
        break;
    }
  }
  return kvlist(value);
}

function kvlist(value: { [key: string]: AttributeValue }): AnyValue {
  return {
    type: "kvlist",
    values: Object.keys(value).map((key) => ({ key, value: decodeAttributeValue(value[key]) })),
  };
}
