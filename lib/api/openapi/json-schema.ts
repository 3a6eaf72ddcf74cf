// JSON Schema 2020-12 (the dialect of OpenAPI 3.1): generated from the API's zod schemas where
// the routes have them, and small typed builders for the response shapes that have none.
import { z } from "zod";

export type JsonSchema = { [keyword: string]: unknown };

/**
 * What a route accepts, as the client writes it: the input side of transforms, pipes and
 * coercions (a `limit` query value is documented as the integer its text must hold; a trace
 * id's lowercasing happens after the check and is not the caller's business). Checks JSON
 * Schema cannot say (refine, superRefine) are simply absent, as zod leaves them. A type with no
 * JSON Schema at all becomes an open schema with a $comment instead of failing the document:
 * one odd field should not take the whole document down, and the comment shows it was seen.
 */
export function requestSchema(schema: z.ZodType): JsonSchema {
  return convert(schema, "input");
}

/** What a route answers, for the few responses a zod schema describes (their output side). */
export function responseSchema(schema: z.ZodType): JsonSchema {
  return convert(schema, "output");
}

function convert(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const json: JsonSchema = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: ({ message }) => ({ $comment: `Not representable in JSON Schema: ${message}` }),
  });
  // OpenAPI 3.1 resolves "#/$defs/..." against the whole document, where zod's $defs are not:
  // a schema given a registry id (.meta({ id })) would need hoisting into components first.
  if ("$defs" in json) throw new Error(`A zod schema with shared definitions (${Object.keys(json.$defs as object).join(", ")}) cannot be inlined into the OpenAPI document.`);
  delete json.$schema; // the document's jsonSchemaDialect says it once
  return json;
}

const described = (schema: JsonSchema, description?: string): JsonSchema => (description ? { ...schema, description } : schema);

export const str = (description?: string): JsonSchema => described({ type: "string" }, description);
export const dateTime = (description?: string): JsonSchema => described({ type: "string", format: "date-time" }, description);
export const int = (description?: string): JsonSchema => described({ type: "integer" }, description);
export const num = (description?: string): JsonSchema => described({ type: "number" }, description);
export const bool = (description?: string): JsonSchema => described({ type: "boolean" }, description);
export const oneOfValues = (values: readonly string[], description?: string): JsonSchema => described({ type: "string", enum: [...values] }, description);
export const arrayOf = (items: JsonSchema, description?: string): JsonSchema => described({ type: "array", items }, description);
/** An object whose fields this document does not spell out (recorded attributes, nested views). */
export const openObject = (description?: string): JsonSchema => described({ type: "object" }, description);
/** Any JSON value: attribute values and recorded bodies keep whatever type they had. */
export const anyValue = (description?: string): JsonSchema => described({}, description);

export function nullable(schema: JsonSchema): JsonSchema {
  const { description, ...rest } = schema;
  const base = typeof rest.type === "string" ? { ...rest, type: [rest.type, "null"] } : { anyOf: [rest, { type: "null" }] };
  return described(base, description as string | undefined);
}

/**
 * Every value of the union T, written out where importing the runtime list would drag a heavy
 * module into this document: a value T lacks, or one of T's the list misses, fails the typecheck.
 */
export function everyValueOf<T extends string>() {
  return <const V extends readonly T[]>(values: V & ([Exclude<T, V[number]>] extends [never] ? unknown : { missing: Exclude<T, V[number]> })): V => values;
}

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T] & string;
type OptionalKeys<T> = Exclude<keyof T & string, RequiredKeys<T>>;

/**
 * A hand-written response shape checked against the TypeScript type its route returns: naming
 * a field the type lacks, or listing an optional one among those always present, fails the
 * typecheck, so the document cannot drift from the code by a rename. It lists the fields README
 * documents, not necessarily every one, so additional properties stay allowed.
 */
export function fieldsOf<T>() {
  return <R extends RequiredKeys<T> = never, O extends OptionalKeys<T> = never>(
    fields: { [K in R]: JsonSchema },
    options: { optional?: { [K in O]: JsonSchema }; description?: string } = {},
  ): JsonSchema => objectWith(fields, options);
}

/** A body a route builds inline, with no declared type to check its fields against. */
export function objectWith(fields: Record<string, JsonSchema>, options: { optional?: Record<string, JsonSchema>; description?: string } = {}): JsonSchema {
  const required = Object.keys(fields);
  return described({ type: "object", properties: { ...fields, ...options.optional }, ...(required.length > 0 ? { required } : {}) }, options.description);
}
