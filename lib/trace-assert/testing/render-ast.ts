// Test-only: an AST as a compact prefix form, so a test can state a whole tree's shape (and so
// its precedence) in one readable line. `@` is the predicate element; `.x` a member; `[]` an index.
import type { Expr } from "../ast";

export function renderAst(expr: Expr): string {
  switch (expr.type) {
    case "literal":
      return expr.value === null ? "nil" : typeof expr.value === "string" ? JSON.stringify(expr.value) : String(expr.value);
    case "name":
      return expr.name;
    case "element":
      return "@";
    case "member":
      return `${renderAst(expr.object)}.${expr.name}`;
    case "index":
      return `${renderAst(expr.object)}[${renderAst(expr.index)}]`;
    case "list":
      return `[${expr.items.map(renderAst).join(" ")}]`;
    case "call":
      return `(${[expr.name, ...expr.args.map(renderAst)].join(" ")})`;
    case "negate":
      return `(neg ${renderAst(expr.operand)})`;
    case "not":
      return `(not ${renderAst(expr.operand)})`;
    case "arithmetic":
    case "compare":
    case "logical":
      return `(${expr.op} ${renderAst(expr.left)} ${renderAst(expr.right)})`;
    case "conditional":
      return `(if ${renderAst(expr.condition)} ${renderAst(expr.whenTrue)} ${renderAst(expr.whenFalse)})`;
  }
}
