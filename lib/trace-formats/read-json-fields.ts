// Reads of a parsed JSON document whose shape is not yet known. A wrong field throws a
// FieldError carrying its JSON path, which the converters catch per trace so one bad span
// does not cost the rest of the file.

export type JsonObject = { [key: string]: unknown };

export class FieldError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = "FieldError";
  }
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `data[0].spans[3]`, `processes.p1`, `tags["http.method"]`: paths a reader can paste into jq. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  if (IDENTIFIER.test(key)) return path === "" ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

const QUOTED_LIMIT = 40;

/** What a value is, for messages: `the string "trace-123"`, `the number 1.5`, `an object`. */
export function describeJson(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") {
    const shown = value.length > QUOTED_LIMIT ? `${value.slice(0, QUOTED_LIMIT)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return String(value);
  return Array.isArray(value) ? "an array" : "an object";
}

export function fail(path: string, expected: string, value: unknown): never {
  if (value === undefined) throw new FieldError(path, `is missing; it must be ${expected}.`);
  throw new FieldError(path, `must be ${expected}, not ${describeJson(value)}.`);
}

export function readObject(value: unknown, path: string): JsonObject {
  if (!isJsonObject(value)) fail(path, "an object", value);
  return value;
}

/** An array; a missing or null field reads as empty, as Jaeger and Zipkin writers omit empty lists. */
export function readOptionalArray(value: unknown, path: string): readonly unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(path, "an array", value);
  return value;
}

export function readOptionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") fail(path, "a string", value);
  return value;
}

const DIGITS = /^\d+$/;

/**
 * A non-negative whole number of microseconds as bigint: a JSON number, or a decimal string
 * (some exporters quote 64-bit numbers). Microsecond epochs stay below 2^53 until the year
 * 2255, so a JSON number has not been rounded by the parser.
 */
export function readMicros(value: unknown, path: string): bigint {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === "string" && DIGITS.test(value)) return BigInt(value);
  return fail(path, "a whole number of microseconds", value);
}
