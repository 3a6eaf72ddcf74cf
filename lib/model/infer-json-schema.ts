// JSON Schema (2020-12) of recorded JSON bodies: the narrowest schema built from the keywords
// below that every recorded sample satisfies. Output is deterministic (types and property names
// sorted by code unit, keywords in a fixed order) so stored models and snapshots stay stable.
//
// Conventions the merge relies on:
// - an object schema without `properties` says nothing about its members (it comes from the
//   depth bound or from a caller); merged with anything it stays silent about them;
// - an array schema without `items` has only seen empty arrays, so the other side's `items`
//   hold for it too; `items: {}` (any value) is the depth bound's "not looked at";
// - a schema without `type` (`{}`) accepts anything, and so does its merge with anything.

export type JsonSchema = { [key: string]: unknown };

type JsonType = "array" | "boolean" | "integer" | "null" | "number" | "object" | "string";
type StringFormat = "uuid" | "date-time" | "date" | "email" | "uri";

const JSON_TYPES: ReadonlySet<string> = new Set<JsonType>(["array", "boolean", "integer", "null", "number", "object", "string"]);

// Bodies come from the traced system and can be hostile: past this depth a value is described by
// its type alone, so neither inference nor merging recurses further.
const MAX_DEPTH = 32;
const DEFAULT_MAX_EXAMPLE_BYTES = 2048;

/** Schema of one value. */
export function inferJsonSchema(value: unknown): JsonSchema {
  return inferAt(value, 0);
}

/**
 * Schema that every one of the samples satisfies (merge of their schemas), with
 * `examples: [first sample]` at the top level; null for no samples. The example is left out
 * when its JSON is larger than `maxExampleBytes` (UTF-8, default 2048).
 */
export function inferJsonSchemaFromSamples(
  samples: readonly unknown[],
  options?: { maxExampleBytes?: number },
): JsonSchema | null {
  if (samples.length === 0) return null;
  let schema = inferJsonSchema(samples[0]);
  for (let index = 1; index < samples.length; index++) schema = mergeAt(schema, inferJsonSchema(samples[index]), 0);
  const example = encodeExample(samples[0], options?.maxExampleBytes ?? DEFAULT_MAX_EXAMPLE_BYTES);
  return example === undefined ? schema : { ...schema, examples: [example] };
}

/**
 * Schema that every value satisfying `a` or `b` satisfies. Only the keywords this module writes
 * (`type`, `format`, `properties`, `required`, `items`, `examples`) are read; `examples` of `a`
 * win over those of `b`, everything else is symmetric.
 */
export function mergeJsonSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  return mergeAt(a, b, 0);
}

function inferAt(value: unknown, depth: number): JsonSchema {
  if (value === null) return { type: "null" };
  switch (typeof value) {
    case "boolean":
      return { type: "boolean" };
    case "number":
      return { type: Number.isInteger(value) ? "integer" : "number" };
    case "bigint":
      return { type: "integer" };
    case "string": {
      const format = detectFormat(value);
      return format === undefined ? { type: "string" } : { type: "string", format };
    }
    case "object":
      break;
    default:
      // undefined, functions, symbols: not JSON, so nothing can be said about them.
      return {};
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return { type: "array" };
    if (depth >= MAX_DEPTH) return { type: "array", items: {} };
    let items: JsonSchema | undefined;
    for (const element of value) {
      const schema = inferAt(element, depth + 1);
      items = items === undefined ? schema : mergeAt(items, schema, depth + 1);
    }
    return { type: "array", items };
  }
  if (depth >= MAX_DEPTH) return { type: "object" };
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort(compareText);
  // fromEntries defines own properties, so a member named "__proto__" stays a member.
  const properties = Object.fromEntries(keys.map((key) => [key, inferAt(record[key], depth + 1)]));
  return keys.length === 0 ? { type: "object", properties } : { type: "object", properties, required: keys };
}

function mergeAt(a: JsonSchema, b: JsonSchema, depth: number): JsonSchema {
  const aTypes = readTypes(a);
  const bTypes = readTypes(b);
  if (aTypes === undefined || bTypes === undefined) return {};
  const types = mergeTypes(aTypes, bTypes);
  const merged: JsonSchema = { type: types.length === 1 ? types[0] : types };

  if (types.includes("string")) {
    const format = mergeFormat(a, aTypes, b, bTypes);
    if (format !== undefined) merged.format = format;
  }
  if (types.includes("object")) {
    const object = mergeObjectKeywords(a, aTypes, b, bTypes, depth);
    if (object.properties !== undefined) merged.properties = object.properties;
    if (object.required !== undefined && object.required.length > 0) merged.required = object.required;
  }
  if (types.includes("array")) {
    const items = mergeItems(a, aTypes, b, bTypes, depth);
    if (items !== undefined) merged.items = items;
  }
  const examples = ownValue(a, "examples") ?? ownValue(b, "examples");
  if (examples !== undefined) merged.examples = examples;
  return merged;
}

function readTypes(schema: JsonSchema): JsonType[] | undefined {
  const type = ownValue(schema, "type");
  const list = typeof type === "string" ? [type] : Array.isArray(type) ? type : undefined;
  if (list === undefined || list.length === 0 || !list.every((t) => typeof t === "string" && JSON_TYPES.has(t))) return undefined;
  return list as JsonType[];
}

/** Union, sorted and deduplicated; `integer` folds into `number`, which already admits it. */
function mergeTypes(a: readonly JsonType[], b: readonly JsonType[]): JsonType[] {
  const types = new Set([...a, ...b]);
  if (types.has("number")) types.delete("integer");
  return [...types].sort(compareText);
}

// A format holds only while every string seen at this position has it: both sides must have
// strings with the same format. A side without strings constrains nothing.
function mergeFormat(a: JsonSchema, aTypes: readonly JsonType[], b: JsonSchema, bTypes: readonly JsonType[]): unknown {
  const aFormat = aTypes.includes("string") ? ownValue(a, "format") : undefined;
  const bFormat = bTypes.includes("string") ? ownValue(b, "format") : undefined;
  if (!aTypes.includes("string")) return bFormat;
  if (!bTypes.includes("string")) return aFormat;
  return aFormat === bFormat ? aFormat : undefined;
}

function mergeObjectKeywords(
  a: JsonSchema,
  aTypes: readonly JsonType[],
  b: JsonSchema,
  bTypes: readonly JsonType[],
  depth: number,
): { properties?: Record<string, JsonSchema>; required?: string[] } {
  const aSide = aTypes.includes("object") ? readObjectKeywords(a) : undefined;
  const bSide = bTypes.includes("object") ? readObjectKeywords(b) : undefined;
  if (aSide === undefined) return bSide ?? {};
  if (bSide === undefined) return aSide;
  // Either side silent about its members, or too deep to look: the merge is silent too.
  if (aSide.properties === undefined || bSide.properties === undefined || depth >= MAX_DEPTH) return {};
  const aProperties = aSide.properties;
  const bProperties = bSide.properties;
  const keys = [...new Set([...Object.keys(aProperties), ...Object.keys(bProperties)])].sort(compareText);
  const properties = Object.fromEntries(
    keys.map((key) => {
      const aProperty = Object.hasOwn(aProperties, key) ? aProperties[key] : undefined;
      const bProperty = Object.hasOwn(bProperties, key) ? bProperties[key] : undefined;
      if (aProperty === undefined) return [key, bProperty as JsonSchema];
      if (bProperty === undefined) return [key, aProperty];
      return [key, mergeAt(aProperty, bProperty, depth + 1)];
    }),
  );
  const bRequired = new Set(bSide.required);
  const required = aSide.required.filter((key) => bRequired.has(key)).sort(compareText);
  return { properties, required };
}

function readObjectKeywords(schema: JsonSchema): { properties?: Record<string, JsonSchema>; required: string[] } {
  const properties = ownValue(schema, "properties");
  const required = ownValue(schema, "required");
  return {
    properties: isRecord(properties) ? (properties as Record<string, JsonSchema>) : undefined,
    required: Array.isArray(required) ? required.filter((key): key is string => typeof key === "string") : [],
  };
}

function mergeItems(
  a: JsonSchema,
  aTypes: readonly JsonType[],
  b: JsonSchema,
  bTypes: readonly JsonType[],
  depth: number,
): JsonSchema | undefined {
  const aItems = aTypes.includes("array") ? readSchema(ownValue(a, "items")) : undefined;
  const bItems = bTypes.includes("array") ? readSchema(ownValue(b, "items")) : undefined;
  if (aItems === undefined) return bItems;
  if (bItems === undefined) return aItems;
  return depth >= MAX_DEPTH ? {} : mergeAt(aItems, bItems, depth + 1);
}

function readSchema(value: unknown): JsonSchema | undefined {
  return isRecord(value) ? (value as JsonSchema) : undefined;
}

function encodeExample(sample: unknown, maxBytes: number): unknown {
  let json: string | undefined;
  try {
    json = JSON.stringify(sample);
  } catch {
    return undefined; // a BigInt or a cycle: not a JSON example
  }
  if (json === undefined || new TextEncoder().encode(json).length > maxBytes) return undefined;
  // A copy through JSON, so the example is exactly what a reader of the schema would see.
  return JSON.parse(json);
}

// --- string formats ------------------------------------------------------------------------
// Each check accepts a subset of what JSON Schema validators accept for the format, so a
// format is only ever claimed for strings a validator will pass.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// RFC 3339 date-time: the offset is required; leap seconds (":60") are left out.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
// Absolute http(s) URL in RFC 3986 characters: host (reg-name or IPv4), optional port, path,
// query and fragment; no user info, no IP literals, no raw spaces or non-ASCII.
const PCHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})";
const HTTP_URI = new RegExp(
  `^https?://(?:[A-Za-z0-9\\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+(?::\\d*)?(?:/${PCHAR}*)*(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?$`,
);

function detectFormat(text: string): StringFormat | undefined {
  if (UUID.test(text)) return "uuid";
  if (isDateTime(text)) return "date-time";
  if (isDate(text)) return "date";
  if (EMAIL.test(text)) return "email";
  if (isHttpUri(text)) return "uri";
  return undefined;
}

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function isDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

function isHttpUri(text: string): boolean {
  if (!HTTP_URI.test(text)) return false;
  try {
    return new URL(text).hostname !== "";
  } catch {
    return false;
  }
}

// --- helpers -------------------------------------------------------------------------------

/** Code-unit order: the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ownValue(record: JsonSchema, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
