// Values as they appear in failure details and error messages: short, and written the way the
// expression language would write them, so a reader can paste one back into an assertion.
import { kindOf, type Entities, type Value } from "./value";
import type { SpanContext, SpanEventContext, TraceContext } from "./trace-context";
import type { PlainRecord } from "./plain-value";

const MAX_ITEMS = 5;
const MAX_STRING = 80;
const MAX_DEPTH = 3;

export function formatValue(value: Value | undefined, entities: Entities, depth = 0): string {
  const kind = kindOf(value, entities);
  switch (kind) {
    case "nil":
      return "nil";
    case "boolean":
    case "number":
      return String(value);
    case "string":
      return formatString(value as string);
    case "trace":
      return `trace ${formatString((value as TraceContext).id)}`;
    case "span": {
      const span = value as SpanContext;
      return `span ${formatString(span.name)} (${span.service})`;
    }
    case "event":
      return `event ${formatString((value as SpanEventContext).name)}`;
    case "list": {
      const items = value as readonly Value[];
      if (depth >= MAX_DEPTH) return `[${items.length} items]`;
      return bracket("[", "]", items.length, items.slice(0, MAX_ITEMS).map((item) => formatValue(item, entities, depth + 1)));
    }
    case "record": {
      const record = value as PlainRecord;
      const keys = Object.keys(record);
      if (depth >= MAX_DEPTH) return `{${keys.length} keys}`;
      const shown = keys.slice(0, MAX_ITEMS).map((key) => `${formatString(key)}: ${formatValue(record[key], entities, depth + 1)}`);
      return bracket("{", "}", keys.length, shown);
    }
  }
}

function bracket(open: string, close: string, total: number, shown: string[]): string {
  const rest = total - shown.length;
  return `${open}${shown.join(", ")}${rest > 0 ? `, … ${rest} more` : ""}${close}`;
}

function formatString(text: string): string {
  const characters = [...text];
  const clipped = characters.length > MAX_STRING ? `${characters.slice(0, MAX_STRING).join("")}…` : text;
  return JSON.stringify(clipped);
}
