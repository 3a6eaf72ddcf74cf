// Typed reads of proto3-JSON values for the OTLP/JSON decoder. Each accepts every spelling
// the proto3 JSON mapping allows (plus the leniencies OTLP/JSON needs) and otherwise throws an
// OtlpDecodeError naming the path, so a sender can find the bad field.
import { decodeBase64 } from "./decode-base64";
import { OtlpDecodeError } from "./otlp-decode-error";

export type JsonObject = { [key: string]: unknown };

const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UNSIGNED = /^\d+$/;
const SIGNED = /^-?\d+$/;

export function fail(path: string, expected: string): never {
  throw new OtlpDecodeError(`Invalid JSON body: ${path} must be ${expected}.`);
}

/**
 * A field by its lowerCamelCase JSON name or its original snake_case proto name, both of
 * which proto3 JSON parsers must accept. null means "not set" in proto3 JSON.
 */
export function field(o: JsonObject, jsonName: string, protoName: string): unknown {
  const value = o[jsonName];
  if (value !== undefined && value !== null) return value;
  const other = o[protoName];
  return other === null ? undefined : other;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readObject(value: unknown, path: string): JsonObject {
  if (!isJsonObject(value)) fail(path, "an object");
  return value;
}

const NO_ITEMS: readonly unknown[] = [];

export function readArray(value: unknown, path: string): readonly unknown[] {
  if (value === undefined) return NO_ITEMS;
  if (!Array.isArray(value)) fail(path, "an array");
  return value;
}

export function readString(value: unknown, path: string): string {
  if (value === undefined) return "";
  if (typeof value !== "string") fail(path, "a string");
  return value;
}

export function readBool(value: unknown, path: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== "boolean") fail(path, "true or false");
  return value;
}

/** uint32 and fixed32: a number or a decimal string. */
export function readUint32(value: unknown, path: string): number {
  if (value === undefined) return 0;
  const n = typeof value === "string" && UNSIGNED.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > 0xffffffff) fail(path, "an unsigned 32-bit integer");
  return n;
}

/**
 * fixed64 as bigint. OTLP/JSON writes it as a decimal string so that nanosecond timestamps
 * survive; a plain number is accepted too but may already have been rounded by JSON.parse.
 */
export function readUint64(value: unknown, path: string): bigint {
  if (value === undefined) return 0n;
  if (typeof value === "string" && UNSIGNED.test(value)) {
    const n = BigInt(value);
    if (n <= UINT64_MAX) return n;
  } else if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 2 ** 64) {
    const n = BigInt(value);
    if (n <= UINT64_MAX) return n;
  }
  return fail(path, "an unsigned 64-bit integer (a decimal string or a number)");
}

/** int64 as bigint, from a decimal string or a number. */
export function readInt64(value: unknown, path: string): bigint {
  if (value === undefined) return 0n;
  let n: bigint | undefined;
  if (typeof value === "string" && SIGNED.test(value)) n = BigInt(value);
  else if (typeof value === "number" && Number.isInteger(value)) n = BigInt(value);
  if (n === undefined || n > INT64_MAX || n < INT64_MIN) fail(path, "a 64-bit integer (a decimal string or a number)");
  return n;
}

/** double: a number, or the strings "NaN", "Infinity", "-Infinity" or a numeric string. */
export function readDouble(value: unknown, path: string): number {
  if (value === undefined) return 0;
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    if (value === "NaN") return NaN;
    if (value === "Infinity") return Infinity;
    if (value === "-Infinity") return -Infinity;
    const n = Number(value);
    if (value.trim() !== "" && Number.isFinite(n)) return n;
  }
  return fail(path, "a number");
}

export function readBytes(value: unknown, path: string): Uint8Array {
  if (value === undefined) return new Uint8Array(0);
  const bytes = typeof value === "string" ? decodeBase64(value) : null;
  if (bytes === null) fail(path, "base64 text");
  return bytes;
}

/**
 * An enum: its number (what OTLP/JSON requires) or its name, which generic proto3 JSON
 * encoders write. Names are matched without case and with or without their prefix
 * ("SPAN_KIND_SERVER", "server").
 */
export function readEnum(value: unknown, path: string, prefix: string, names: readonly string[]): number {
  if (value === undefined) return 0;
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string") {
    const upper = value.toUpperCase();
    const index = names.indexOf(upper.startsWith(prefix) ? upper.slice(prefix.length) : upper);
    if (index !== -1) return index;
  }
  return fail(path, `one of ${names.map((n) => prefix + n).join(", ")} or its number`);
}
