// A recorded body's schema can be as deep and wide as the body; the model needs its shape, not
// every field of every nested object.
import type { JsonSchema } from "../../model/infer-json-schema";

const KEPT = ["type", "format", "const"] as const;

export interface SchemaLimits {
  maxDepth: number;
  maxProperties: number;
  maxEnum: number;
}

export const DEFAULT_SCHEMA_LIMITS: SchemaLimits = { maxDepth: 3, maxProperties: 20, maxEnum: 10 };

/** The schema's type, properties, items and alternatives down to `maxDepth`; annotations and examples dropped. */
export function trimJsonSchema(schema: JsonSchema, limits: SchemaLimits = DEFAULT_SCHEMA_LIMITS, depth = 0): JsonSchema {
  const trimmed: JsonSchema = {};
  for (const key of KEPT) if (schema[key] !== undefined) trimmed[key] = schema[key];
  if (Array.isArray(schema.enum)) trimmed.enum = schema.enum.slice(0, limits.maxEnum);
  if (depth >= limits.maxDepth) return trimmed;
  const properties = schema.properties;
  if (properties && typeof properties === "object") {
    const entries = Object.entries(properties as Record<string, JsonSchema>);
    trimmed.properties = Object.fromEntries(entries.slice(0, limits.maxProperties).map(([name, child]) => [name, trimJsonSchema(child, limits, depth + 1)]));
    if (entries.length > limits.maxProperties) trimmed["x-omitted-properties"] = entries.length - limits.maxProperties;
    if (Array.isArray(schema.required)) trimmed.required = schema.required.filter((name) => Object.hasOwn(trimmed.properties as object, name as string));
  }
  if (schema.items && typeof schema.items === "object" && !Array.isArray(schema.items)) trimmed.items = trimJsonSchema(schema.items as JsonSchema, limits, depth + 1);
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options)) trimmed[key] = options.map((option) => trimJsonSchema(option as JsonSchema, limits, depth + 1));
  }
  return trimmed;
}
