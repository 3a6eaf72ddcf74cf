// The evaluator: strict about types (no truthiness, no coercion) so that an assertion either
// means exactly what it says or is reported as not applying; lenient only where the data is
// legitimately optional: a missing attribute key or list index reads as nil.
import type { ArithmeticOperator, CompareOperator, Expr, SourceRange } from "./ast";
import { EvaluationError } from "./evaluation-error";
import { formatValue } from "./format-value";
import { TRACE_FUNCTIONS } from "./trace-functions";
import { sourceOf, type Scope } from "./scope";
import { ENTITY_FIELDS, kindOf, kindWithArticle, type EntityKind, type Value } from "./value";
import { valuesEqual } from "./values-equal";
import type { PlainRecord } from "./plain-value";

export function evaluateExpr(expr: Expr, scope: Scope): Value {
  switch (expr.type) {
    case "literal":
      return expr.value;
    case "name":
      if (expr.name === "trace") return scope.trace;
      throw new EvaluationError(
        `unknown name "${expr.name}": an expression starts from trace, or inside filter/map/any/all/count from a leading dot such as .status`,
        expr.at,
      );
    case "element":
      if (scope.element === undefined) {
        throw new EvaluationError(
          "a path starting with a dot (such as .status) means the element being tested, so it only works inside filter, map, any, all or count",
          expr.at,
        );
      }
      return scope.element.value;
    case "member":
      return readMember(expr, scope);
    case "index":
      return readIndex(expr, scope);
    case "list":
      return expr.items.map((item) => evaluateExpr(item, scope));
    case "call":
      return callFunction(expr, scope);
    case "negate": {
      const operand = evaluateExpr(expr.operand, scope);
      if (typeof operand !== "number") throw typeError(`unary - needs a number, got ${describeValue(operand, scope)}`, expr, scope);
      return -operand;
    }
    case "not":
      return !requireBoolean(expr.operand, "not", scope);
    case "logical": {
      const left = requireBoolean(expr.left, expr.op, scope);
      // The right side is read only when the left does not decide, so it may be a guarded
      // path: `x != nil implies x.status == 'ok'` never reads .status of nil.
      if (expr.op === "and" && !left) return false;
      if (expr.op === "or" && left) return true;
      if (expr.op === "implies" && !left) return true;
      return requireBoolean(expr.right, expr.op, scope);
    }
    case "conditional":
      return evaluateExpr(requireBoolean(expr.condition, "if", scope) ? expr.whenTrue : expr.whenFalse, scope);
    case "arithmetic":
      return arithmetic(expr.op, evaluateExpr(expr.left, scope), evaluateExpr(expr.right, scope), expr, scope);
    case "compare":
      return compare(expr.op, evaluateExpr(expr.left, scope), evaluateExpr(expr.right, scope), expr, scope);
  }
}

/** "a number (6120)", "nil", "a string ("GET")": a value with its kind, for messages. */
export function describeValue(value: Value, scope: Scope): string {
  const kind = kindOf(value, scope.entities);
  if (kind === "nil") return "nil";
  return `${kindWithArticle(kind)} (${formatValue(value, scope.entities)})`;
}

function typeError(message: string, expr: Expr, scope: Scope, at: SourceRange = expr.at): EvaluationError {
  return new EvaluationError(`${message} in ${sourceOf(expr, scope)}`, at);
}

function requireBoolean(expr: Expr, operator: string, scope: Scope): boolean {
  const value = evaluateExpr(expr, scope);
  if (typeof value === "boolean") return value;
  throw new EvaluationError(`${operator} needs true or false, but ${sourceOf(expr, scope)} is ${describeValue(value, scope)}`, expr.at);
}

function readMember(expr: Extract<Expr, { type: "member" }>, scope: Scope): Value {
  const { object: objectExpr, name, opAt } = expr;
  const object = evaluateExpr(objectExpr, scope);
  const kind = kindOf(object, scope.entities);
  switch (kind) {
    case "nil":
      throw new EvaluationError(`cannot read .${name} of nil: ${sourceOf(objectExpr, scope)} is nil`, opAt);
    case "record":
      return ownValue(object as PlainRecord, name);
    case "trace":
    case "span":
    case "event":
      return readField(object as object, kind, name, objectExpr, opAt, scope);
    case "list":
      throw new EvaluationError(
        `cannot read .${name} of a list (${sourceOf(objectExpr, scope)}); to take it from every element write ${sourceOf(objectExpr, scope)} | map(.${name})`,
        opAt,
      );
    default:
      throw new EvaluationError(`cannot read .${name} of ${describeValue(object, scope)}`, opAt);
  }
}

function readField(entity: object, kind: EntityKind, name: string, objectExpr: Expr, at: SourceRange, scope: Scope): Value {
  if (ENTITY_FIELDS[kind].includes(name)) return ((entity as Record<string, Value | undefined>)[name] ?? null) as Value;
  if (TRACE_FUNCTIONS.has(name)) {
    throw new EvaluationError(`${name} is a function: call it, as in ${sourceOf(objectExpr, scope)}.${name}(...)`, at);
  }
  const noun = kind === "trace" ? "the trace" : `${kindWithArticle(kind)}`;
  throw new EvaluationError(`${noun} has no field "${name}"; its fields are ${ENTITY_FIELDS[kind].join(", ")}`, at);
}

function ownValue(record: PlainRecord, key: string): Value {
  // hasOwn, so "constructor" or "toString" read as the missing keys they are.
  return Object.hasOwn(record, key) ? (record[key] ?? null) : null;
}

function readIndex(expr: Extract<Expr, { type: "index" }>, scope: Scope): Value {
  const object = evaluateExpr(expr.object, scope);
  const index = evaluateExpr(expr.index, scope);
  const kind = kindOf(object, scope.entities);
  switch (kind) {
    case "nil":
      throw new EvaluationError(`cannot index nil: ${sourceOf(expr.object, scope)} is nil`, expr.opAt);
    case "list": {
      if (typeof index !== "number" || !Number.isInteger(index)) {
        throw typeError(`a list is indexed by a whole number, got ${describeValue(index, scope)}`, expr, scope, expr.opAt);
      }
      const items = object as readonly Value[];
      // Negative indexes count from the end, so `[-1]` is the last element.
      const at = index < 0 ? items.length + index : index;
      return at >= 0 && at < items.length ? items[at] : null;
    }
    case "record":
      if (typeof index !== "string") {
        throw typeError(`a record is indexed by a string key, got ${describeValue(index, scope)}`, expr, scope, expr.opAt);
      }
      return ownValue(object as PlainRecord, index);
    case "trace":
    case "span":
    case "event":
      if (typeof index !== "string") {
        throw typeError(`${kindWithArticle(kind)} is indexed by a field name, got ${describeValue(index, scope)}`, expr, scope, expr.opAt);
      }
      return readField(object as object, kind, index, expr.object, expr.opAt, scope);
    default:
      throw typeError(`cannot index ${describeValue(object, scope)}`, expr, scope, expr.opAt);
  }
}

function callFunction(expr: Extract<Expr, { type: "call" }>, scope: Scope): Value {
  const definition = TRACE_FUNCTIONS.get(expr.name);
  if (definition === undefined) {
    throw new EvaluationError(`unknown function "${expr.name}"; the functions are ${[...TRACE_FUNCTIONS.keys()].join(", ")}`, expr.opAt);
  }
  const { minArgs, maxArgs } = definition;
  if (expr.args.length < minArgs || expr.args.length > maxArgs) {
    throw new EvaluationError(`${expr.name} is written ${definition.usage}`, expr.opAt);
  }
  return definition.apply({ call: expr, scope, evaluate: evaluateExpr, describe: describeValue });
}

function arithmetic(op: ArithmeticOperator, left: Value, right: Value, expr: Expr, scope: Scope): number {
  if (typeof left !== "number" || typeof right !== "number") {
    throw typeError(`${op} needs two numbers, got ${describeValue(left, scope)} and ${describeValue(right, scope)}`, expr, scope);
  }
  switch (op) {
    case "+":
      return left + right;
    case "-":
      return left - right;
    case "*":
      return left * right;
    case "/":
    case "%":
      // Infinity or NaN would only resurface later as a baffling comparison.
      if (right === 0) throw new EvaluationError(`division by zero in ${sourceOf(expr, scope)}`, expr.at);
      return op === "/" ? left / right : left % right;
  }
}

function compare(op: CompareOperator, left: Value, right: Value, expr: Expr, scope: Scope): boolean {
  if (op === "==") return valuesEqual(left, right, scope.entities);
  if (op === "!=") return !valuesEqual(left, right, scope.entities);
  const bothNumbers = typeof left === "number" && typeof right === "number";
  const bothStrings = typeof left === "string" && typeof right === "string";
  if (!bothNumbers && !bothStrings) {
    throw typeError(`${op} needs two numbers or two strings, got ${describeValue(left, scope)} and ${describeValue(right, scope)}`, expr, scope);
  }
  const a = left as number | string;
  const b = right as number | string;
  switch (op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
  }
}
