// What an expression can compute. Trace, span and event objects are told apart from attribute
// records by identity (see collectEntities), not by shape: an attribute map may well contain
// keys called "name" or "spans", and must still read as a record.
import type { PlainRecord } from "./plain-value";
import type { SpanContext, SpanEventContext, TraceContext } from "./trace-context";

export type Value =
  | null
  | boolean
  | number
  | string
  | readonly Value[]
  | PlainRecord
  | TraceContext
  | SpanContext
  | SpanEventContext;

export type EntityKind = "trace" | "span" | "event";

export type ValueKind = "nil" | "boolean" | "number" | "string" | "list" | "record" | EntityKind;

/** The fields each entity shows to expressions; anything else is a typo worth reporting. */
export const ENTITY_FIELDS: Readonly<Record<EntityKind, readonly string[]>> = {
  trace: ["id", "duration_ms", "span_count", "spans", "root", "services", "errors"],
  span: [
    "id",
    "parent_id",
    "name",
    "service",
    "kind",
    "status",
    "status_message",
    "duration_ms",
    "start_ms",
    "attributes",
    "resource",
    "events",
  ],
  event: ["name", "attributes"],
};

export type Entities = WeakMap<object, EntityKind>;

export function collectEntities(trace: TraceContext): Entities {
  const entities: Entities = new WeakMap();
  entities.set(trace, "trace");
  const spans = [...trace.spans, ...trace.errors, ...(trace.root === null ? [] : [trace.root])];
  for (const span of spans) {
    entities.set(span, "span");
    for (const event of span.events) entities.set(event, "event");
  }
  return entities;
}

export function kindOf(value: Value | undefined, entities: Entities): ValueKind {
  if (value === null || value === undefined) return "nil";
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
  }
  if (Array.isArray(value)) return "list";
  return entities.get(value as object) ?? "record";
}

const KIND_ARTICLES: Record<ValueKind, string> = {
  nil: "nil",
  boolean: "a boolean",
  number: "a number",
  string: "a string",
  list: "a list",
  record: "a record",
  trace: "the trace",
  span: "a span",
  event: "an event",
};

/** "a number", "nil", "the trace": for messages such as "got a string". */
export function kindWithArticle(kind: ValueKind): string {
  return KIND_ARTICLES[kind];
}
