// Why an assertion came out false, in terms of the author's own text: the operands of the
// comparison that failed, the conjunct that broke an `and`, the element that broke an `all`,
// the condition that made an `implies` binding and the branch an `if` took.
// It re-evaluates only sub-expressions the evaluation already evaluated successfully
// (short-circuiting is followed the same way), so it cannot itself fail on sound input.
import type { Expr } from "./ast";
import { evaluateExpr } from "./evaluate-expr";
import { formatValue } from "./format-value";
import { sourceOf, type Scope } from "./scope";
import type { Value } from "./value";

const MAX_LISTED = 3;

export function explainFalse(expr: Expr, scope: Scope): string {
  const text = sourceOf(expr, scope);
  switch (expr.type) {
    case "compare": {
      const left = evaluateExpr(expr.left, scope);
      const right = evaluateExpr(expr.right, scope);
      const shown = `${text} was ${show(left, scope)} ${expr.op} ${show(right, scope)}`;
      const matched = matchedBy(expr.left, scope) ?? matchedBy(expr.right, scope);
      return matched === null ? shown : `${shown} (${matched})`;
    }
    case "logical":
      if (expr.op === "and") return explainFalse(evaluateExpr(expr.left, scope) === false ? expr.left : expr.right, scope);
      if (expr.op === "implies") return explainImplication(expr, scope);
      return `${explainFalse(expr.left, scope)}, and ${explainFalse(expr.right, scope)}`;
    case "conditional": {
      const held = evaluateExpr(expr.condition, scope) === true;
      const taken = held ? "then" : "else";
      return `${heldOrNot(expr.condition, held, scope)}, so the ${taken} branch was taken, and ${explainFalse(held ? expr.whenTrue : expr.whenFalse, scope)}`;
    }
    case "not":
      return `${sourceOf(expr.operand, scope)} was true`;
    case "call":
      return explainCall(expr, scope) ?? `${text} was false`;
    default:
      return `${text} was false`;
  }
}

/**
 * A false implication had every condition true and its consequence false. A chain
 * `a implies b implies c` is told as one: "a held, b held, but c was ...".
 */
function explainImplication(expr: Extract<Expr, { type: "logical" }>, scope: Scope): string {
  const conditions: string[] = [];
  let consequence: Expr = expr;
  while (consequence.type === "logical" && consequence.op === "implies") {
    conditions.push(heldOrNot(consequence.left, true, scope));
    consequence = consequence.right;
  }
  return `${conditions.join(", ")}, but ${explainFalse(consequence, scope)}`;
}

/** `x == 'gold' held ("gold" == "gold")`: a condition's outcome, with the values a comparison saw. */
function heldOrNot(condition: Expr, held: boolean, scope: Scope): string {
  const text = `${sourceOf(condition, scope)} ${held ? "held" : "did not hold"}`;
  if (condition.type !== "compare") return text;
  const left = evaluateExpr(condition.left, scope);
  const right = evaluateExpr(condition.right, scope);
  return `${text} (${show(left, scope)} ${condition.op} ${show(right, scope)})`;
}

function show(value: Value, scope: Scope): string {
  return formatValue(value, scope.entities);
}

function explainCall(expr: Extract<Expr, { type: "call" }>, scope: Scope): string | null {
  if ((expr.name !== "all" && expr.name !== "any") || expr.args.length !== 2) return null;
  const items = evaluateExpr(expr.args[0], scope);
  if (!Array.isArray(items)) return null;
  const text = sourceOf(expr, scope);
  if (expr.name === "any") return `${text} was false: none of ${items.length} matched`;
  const culprit = (items as readonly Value[]).find((item) => evaluateExpr(expr.args[1], { ...scope, element: { value: item } }) === false);
  return culprit === undefined ? null : `${text} was false: not for ${show(culprit, scope)}`;
}

/**
 * For `list | filter(c) | len` and `list | count(c)` on one side of a comparison, the elements
 * that were counted: "1 == 0" says that something went wrong, the span says what.
 */
function matchedBy(expr: Expr, scope: Scope): string | null {
  if (expr.type !== "call" || (expr.name !== "len" && expr.name !== "count")) return null;
  const counted = expr.args[0];
  let matches: readonly Value[];
  if (expr.name === "count" && expr.args.length === 2) {
    const items = evaluateExpr(counted, scope);
    if (!Array.isArray(items)) return null;
    matches = (items as readonly Value[]).filter((item) => evaluateExpr(expr.args[1], { ...scope, element: { value: item } }) === true);
  } else if (counted.type === "call" && counted.name === "filter") {
    const items = evaluateExpr(counted, scope);
    if (!Array.isArray(items)) return null;
    matches = items as readonly Value[];
  } else {
    return null;
  }
  if (matches.length === 0) return null;
  const listed = matches.slice(0, MAX_LISTED).map((item) => show(item, scope));
  const rest = matches.length - listed.length;
  return `matched: ${listed.join(", ")}${rest > 0 ? ` and ${rest} more` : ""}`;
}
