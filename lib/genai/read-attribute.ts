// Scalar reads of span attributes that arrive in whatever type the exporter chose: token counts
// as numbers, numeric strings (Langfuse and some SDKs stringify every value) or {"$int": ...}.
import type { AttributeValue, Attributes } from "../otlp/span";
import { plainValue } from "./plain-value";

/** A non-empty string attribute, else "". */
export function readString(value: AttributeValue | undefined): string {
  return typeof value === "string" ? value.trim() : "";
}

/** The first of `keys` that holds a non-empty string, else "". */
export function firstString(attributes: Attributes, keys: readonly string[]): string {
  for (const key of keys) {
    const value = readString(attributes[key]);
    if (value !== "") return value;
  }
  return "";
}

/** A whole, non-negative count; null when the value is missing or is not one. */
export function readCount(value: AttributeValue | undefined): number | null {
  const plain = plainValue(value);
  const number = typeof plain === "string" && /^\s*\d+(\.0*)?\s*$/.test(plain) ? Number(plain) : plain;
  return typeof number === "number" && Number.isSafeInteger(number) && number >= 0 ? number : null;
}

/** The first of `keys` that holds a count, else null. */
export function firstCount(attributes: Attributes, keys: readonly string[]): number | null {
  for (const key of keys) {
    const count = readCount(attributes[key]);
    if (count !== null) return count;
  }
  return null;
}
