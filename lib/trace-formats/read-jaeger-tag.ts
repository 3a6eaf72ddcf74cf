// One Jaeger tag or log field {key, type, value} → an OTLP AnyValue of the matching type, as
// the Collector's jTagsToInternalAttributes maps Jaeger's value types. Jaeger's JSON is read
// leniently where the meaning is unambiguous: a bool written "true", an int64 written as a
// decimal string (Jaeger itself does that past 2^53), a missing or unknown type inferred from
// the JSON value.
import { decodeBase64 } from "../otlp/decode-base64";
import { encodeBase64 } from "../otlp/encode-base64";
import type { OtlpJsonAnyValue } from "./otlp-json";
import { childPath, fail, readObject } from "./read-json-fields";

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const INTEGER = /^-?\d+$/;
const NON_FINITE = new Set(["NaN", "Infinity", "-Infinity"]);

export interface JaegerTagValue {
  key: string;
  value: OtlpJsonAnyValue;
}

export function readJaegerTag(raw: unknown, path: string): JaegerTagValue {
  const tag = readObject(raw, path);
  const key = tag.key;
  if (typeof key !== "string") fail(childPath(path, "key"), "a string", key);
  const valuePath = childPath(path, "value");
  const type = typeof tag.type === "string" ? tag.type.toLowerCase() : undefined;
  switch (type) {
    case "string":
      return { key, value: { stringValue: readText(tag.value, valuePath) } };
    case "bool":
      return { key, value: { boolValue: readBool(tag.value, valuePath) } };
    case "int64":
      return { key, value: { intValue: readInt64(tag.value, valuePath) } };
    case "float64":
      return { key, value: { doubleValue: readFloat64(tag.value, valuePath) } };
    case "binary":
      return { key, value: { bytesValue: readBinary(tag.value, valuePath) } };
    default:
      return { key, value: inferValue(tag.value, valuePath) };
  }
}

function readText(value: unknown, path: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return fail(path, "a string", value);
}

function readBool(value: unknown, path: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  return fail(path, "true or false", value);
}

/** Decimal text, the form OTLP/JSON gives int64 so it survives JSON.parse. */
function readInt64(value: unknown, path: string): string {
  let n: bigint | undefined;
  if (typeof value === "number" && Number.isInteger(value)) n = BigInt(value);
  else if (typeof value === "string" && INTEGER.test(value)) n = BigInt(value);
  if (n === undefined || n < INT64_MIN || n > INT64_MAX) fail(path, "a 64-bit integer", value);
  return n.toString();
}

function readFloat64(value: unknown, path: string): number | string {
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    if (NON_FINITE.has(value)) return value;
    const n = Number(value);
    if (value.trim() !== "" && Number.isFinite(n)) return n;
  }
  return fail(path, "a number", value);
}

function readBinary(value: unknown, path: string): string {
  const bytes = typeof value === "string" ? decodeBase64(value) : null;
  if (bytes === null) fail(path, "base64 text (a binary tag)", value);
  return encodeBase64(bytes);
}

function inferValue(value: unknown, path: string): OtlpJsonAnyValue {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  if (typeof value === "number") return Number.isInteger(value) ? { intValue: readInt64(value, path) } : { doubleValue: value };
  return fail(path, "a string, number or boolean", value);
}
