import type { Attributes } from "../otlp/span";

/**
 * The first of `keys` holding usable text. Keys are listed newest semantic convention first,
 * so a span carrying both the current and the older key (instrumentations in migration emit
 * both) reads the current one. Numbers count as text because some instrumentations record a
 * database name or port-like identifier as an int; empty or blank strings, booleans, arrays,
 * maps and the tagged non-JSON values (`{"$int": ...}`) do not name anything.
 */
export function readTextAttribute(attributes: Attributes, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    // Own keys only: an attribute literally named "constructor" must not find Object.prototype.
    if (!Object.hasOwn(attributes, key)) continue;
    const value = attributes[key];
    if (typeof value === "string" && value.trim() !== "") return value;
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
  }
  return undefined;
}
