// `==` compares by value: scalars by content, lists and records item by item (attribute arrays
// and maps are data), but spans, events and the trace by identity, since two distinct spans
// that happen to look alike are still two spans.
import { kindOf, type Entities, type Value } from "./value";
import type { PlainRecord } from "./plain-value";

export function valuesEqual(left: Value, right: Value, entities: Entities): boolean {
  const kind = kindOf(left, entities);
  if (kind !== kindOf(right, entities)) return false;
  switch (kind) {
    case "nil":
      return true;
    case "list": {
      const a = left as readonly Value[];
      const b = right as readonly Value[];
      return a.length === b.length && a.every((item, i) => valuesEqual(item, b[i], entities));
    }
    case "record": {
      const a = left as PlainRecord;
      const b = right as PlainRecord;
      const keys = Object.keys(a);
      return (
        keys.length === Object.keys(b).length &&
        keys.every((key) => Object.hasOwn(b, key) && valuesEqual(a[key], b[key], entities))
      );
    }
    default:
      return left === right;
  }
}
