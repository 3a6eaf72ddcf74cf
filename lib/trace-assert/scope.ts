// What evaluation carries down the tree. `element` is set only inside the predicate of
// filter/map/any/all/count, which is what gives a leading-dot path its meaning.
import type { Expr } from "./ast";
import type { TraceContext } from "./trace-context";
import type { Entities, Value } from "./value";

export interface Scope {
  source: string;
  trace: TraceContext;
  entities: Entities;
  element?: { value: Value };
}

export function sourceOf(expr: Expr, scope: Scope): string {
  return scope.source.slice(expr.at.start, expr.at.end);
}
