// AnyValue → AttributeValue, following the encoding documented on AttributeValue in span.ts.
// The decoders call the small helpers directly while reading the wire, so no AnyValue tree is
// built on the hot path; encodeAttributeValue is the same mapping over a whole AnyValue.
import type { AnyValue } from "./any-value";
import { encodeBase64 } from "./encode-base64";
import type { AttributeValue, Attributes } from "./span";

/** Keys whose single presence in an object marks it as a tagged value, not a kvlist. */
export const ATTRIBUTE_TAGS = ["$int", "$double", "$bytes", "$kvlist"] as const;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

export function attributeFromInt(value: bigint): AttributeValue {
  // Outside ±(2^53-1) a JSON number would round, so the decimal text is kept instead.
  return value >= MIN_SAFE && value <= MAX_SAFE ? Number(value) : { $int: value.toString() };
}

export function attributeFromDouble(value: number): AttributeValue {
  // A double that is not integral cannot be confused with an int, so it stays a number.
  if (Number.isFinite(value) && !Number.isInteger(value)) return value;
  if (Number.isNaN(value)) return { $double: "NaN" };
  if (value === Infinity) return { $double: "Infinity" };
  if (value === -Infinity) return { $double: "-Infinity" };
  // JSON has no negative zero: JSON.stringify(-0) is "0".
  if (Object.is(value, -0)) return { $double: "-0" };
  return { $double: value };
}

export function attributeFromBytes(value: Uint8Array): AttributeValue {
  return { $bytes: encodeBase64(value) };
}

/** A finished kvlist object, wrapped only when it would read as a tagged value. */
export function attributeFromKvlist(value: Attributes): AttributeValue {
  let onlyKey: string | undefined;
  let count = 0;
  for (const key in value) {
    if (++count > 1) return value;
    onlyKey = key;
  }
  if (count === 1 && (ATTRIBUTE_TAGS as readonly string[]).includes(onlyKey as string)) return { $kvlist: value };
  return value;
}

/**
 * Sets one attribute. A plain assignment of "__proto__" would replace the object's
 * prototype instead of adding a key, and attribute keys come from the network.
 */
export function setAttribute(target: Attributes, key: string, value: AttributeValue): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

export function encodeAttributeValue(value: AnyValue): AttributeValue {
  switch (value.type) {
    case "empty":
      return null;
    case "string":
    case "bool":
      return value.value;
    case "int":
      return attributeFromInt(value.value);
    case "double":
      return attributeFromDouble(value.value);
    case "bytes":
      return attributeFromBytes(value.value);
    case "array":
      return value.values.map(encodeAttributeValue);
    case "kvlist": {
      const out: Attributes = {};
      for (const entry of value.values) setAttribute(out, entry.key, encodeAttributeValue(entry.value));
      return attributeFromKvlist(out);
    }
  }
}
