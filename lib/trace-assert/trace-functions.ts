// The functions an expression can call. Each receives its subject as the first argument,
// however the call was written (`f(x, a)`, `x.f(a)`, `x | f(a)`). The predicate or mapping of
// filter/map/any/all/count is not evaluated up front but once per element, with that element
// as the meaning of a leading dot.
import type { Expr } from "./ast";
import { EvaluationError } from "./evaluation-error";
import { spanMatches } from "./find-spans";
import { formatValue } from "./format-value";
import { sourceOf, type Scope } from "./scope";
import type { SpanContext, TraceContext } from "./trace-context";
import { kindOf, type Value } from "./value";
import { valuesEqual } from "./values-equal";

export interface FunctionCall {
  call: Extract<Expr, { type: "call" }>;
  scope: Scope;
  evaluate(expr: Expr, scope: Scope): Value;
  describe(value: Value, scope: Scope): string;
}

export interface TraceFunction {
  /** How to write a call, for the message when one is written wrongly. */
  usage: string;
  /** Counting the subject. */
  minArgs: number;
  maxArgs: number;
  apply(call: FunctionCall): Value;
}

function subject(fn: FunctionCall): Value {
  return fn.evaluate(fn.call.args[0], fn.scope);
}

function subjectList(fn: FunctionCall): readonly Value[] {
  const value = subject(fn);
  if (Array.isArray(value)) return value as readonly Value[];
  throw new EvaluationError(
    `${fn.call.name} works on a list, but ${sourceOf(fn.call.args[0], fn.scope)} is ${fn.describe(value, fn.scope)}`,
    fn.call.opAt,
  );
}

function applyPerElement(fn: FunctionCall, element: Value): Value {
  return fn.evaluate(fn.call.args[1], { ...fn.scope, element: { value: element } });
}

function holdsFor(fn: FunctionCall, element: Value): boolean {
  const result = applyPerElement(fn, element);
  if (typeof result === "boolean") return result;
  const predicate = fn.call.args[1];
  throw new EvaluationError(
    `the condition ${sourceOf(predicate, fn.scope)} of ${fn.call.name} gave ${fn.describe(result, fn.scope)} for ${formatValue(element, fn.scope.entities)}, not true or false`,
    predicate.at,
  );
}

function lengthOf(fn: FunctionCall, value: Value): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value === "string") return [...value].length;
  if (kindOf(value, fn.scope.entities) === "record") return Object.keys(value as object).length;
  throw new EvaluationError(
    `${fn.call.name} measures a list, a string or a record, but ${sourceOf(fn.call.args[0], fn.scope)} is ${fn.describe(value, fn.scope)}`,
    fn.call.opAt,
  );
}

function searchSpans(fn: FunctionCall, firstOnly: boolean): Value {
  const where = subject(fn);
  const name = fn.evaluate(fn.call.args[1], fn.scope);
  if (typeof name !== "string") {
    throw new EvaluationError(`${fn.call.name} looks spans up by a service or operation name, got ${fn.describe(name, fn.scope)}`, fn.call.opAt);
  }
  const kind = kindOf(where, fn.scope.entities);
  if (kind === "trace") {
    const trace = where as TraceContext;
    return firstOnly ? trace.span(name) : trace.matchingSpans(name);
  }
  if (kind !== "list") {
    throw new EvaluationError(
      `${fn.call.name} searches the trace or a list of spans, but ${sourceOf(fn.call.args[0], fn.scope)} is ${fn.describe(where, fn.scope)}`,
      fn.call.opAt,
    );
  }
  const spans = (where as readonly Value[]).map((item, i) => {
    if (kindOf(item, fn.scope.entities) === "span") return item as SpanContext;
    throw new EvaluationError(`${fn.call.name} searches spans, but item ${i} of the list is ${fn.describe(item, fn.scope)}`, fn.call.opAt);
  });
  const matches = spans.filter((span) => spanMatches(span, name));
  return firstOnly ? (matches[0] ?? null) : matches;
}

export const TRACE_FUNCTIONS: ReadonlyMap<string, TraceFunction> = new Map<string, TraceFunction>([
  [
    "len",
    {
      usage: "list | len, or len(list) (strings and records have a length too)",
      minArgs: 1,
      maxArgs: 1,
      apply: (fn) => lengthOf(fn, subject(fn)),
    },
  ],
  [
    "count",
    {
      usage: "list | count, or list | count(condition)",
      minArgs: 1,
      maxArgs: 2,
      apply: (fn) => {
        const items = subjectList(fn);
        if (fn.call.args.length === 1) return items.length;
        return items.filter((item) => holdsFor(fn, item)).length;
      },
    },
  ],
  [
    "filter",
    {
      usage: "list | filter(condition), as in trace.spans | filter(.status == 'error')",
      minArgs: 2,
      maxArgs: 2,
      apply: (fn) => subjectList(fn).filter((item) => holdsFor(fn, item)),
    },
  ],
  [
    "map",
    {
      usage: "list | map(expression), as in trace.spans | map(.name)",
      minArgs: 2,
      maxArgs: 2,
      apply: (fn) => subjectList(fn).map((item) => applyPerElement(fn, item)),
    },
  ],
  [
    "any",
    {
      usage: "list | any(condition)",
      minArgs: 2,
      maxArgs: 2,
      apply: (fn) => subjectList(fn).some((item) => holdsFor(fn, item)),
    },
  ],
  [
    "all",
    {
      usage: "list | all(condition)",
      minArgs: 2,
      maxArgs: 2,
      apply: (fn) => subjectList(fn).every((item) => holdsFor(fn, item)),
    },
  ],
  [
    "span",
    {
      usage: "trace.span(name), the first span in start order whose service or operation is name",
      minArgs: 2,
      maxArgs: 2,
      apply: (fn) => searchSpans(fn, true),
    },
  ],
  [
    "spans",
    {
      usage: "trace.spans(name), every span whose service or operation is name",
      minArgs: 2,
      maxArgs: 2,
      apply: (fn) => searchSpans(fn, false),
    },
  ],
  [
    "contains",
    {
      usage: "text.contains(part), or list | contains(value)",
      minArgs: 2,
      maxArgs: 2,
      apply: (fn) => {
        const where = subject(fn);
        const wanted = fn.evaluate(fn.call.args[1], fn.scope);
        if (Array.isArray(where)) return (where as readonly Value[]).some((item) => valuesEqual(item, wanted, fn.scope.entities));
        if (typeof where === "string" && typeof wanted === "string") return where.includes(wanted);
        throw new EvaluationError(
          `contains looks for a string in a string or a value in a list, got ${fn.describe(wanted, fn.scope)} in ${fn.describe(where, fn.scope)}`,
          fn.call.opAt,
        );
      },
    },
  ],
]);
