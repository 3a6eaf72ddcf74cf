// The parsed form of a trace_assert expression. Every node keeps the source range it came from,
// so evaluation errors and failure details can quote the author's own text back to them.

/** Offsets into the source, `start` inclusive, `end` exclusive (UTF-16 code units). */
export interface SourceRange {
  start: number;
  end: number;
}

export type CompareOperator = "==" | "!=" | "<" | "<=" | ">" | ">=";
export type ArithmeticOperator = "+" | "-" | "*" | "/" | "%";
export type LogicalOperator = "and" | "or" | "implies";

/** A literal's value: `nil` is null. */
export type LiteralValue = null | boolean | number | string;

/**
 * `member`, `index` and `call` nodes also keep `opAt`, the range of the access itself
 * (`.name`, `[i]`, `f(args)`): an error there is reported at that spot, not at the start of a
 * long chain in front of it.
 */
export type Expr =
  | { type: "literal"; value: LiteralValue; at: SourceRange }
  /** A bare name such as `trace`. */
  | { type: "name"; name: string; at: SourceRange }
  /** `.` on its own, or the implied start of `.status`: the element a predicate is looking at. */
  | { type: "element"; at: SourceRange }
  | { type: "member"; object: Expr; name: string; at: SourceRange; opAt: SourceRange }
  | { type: "index"; object: Expr; index: Expr; at: SourceRange; opAt: SourceRange }
  /** `[a, b]`. */
  | { type: "list"; items: Expr[]; at: SourceRange }
  /**
   * `f(a)`, `x.f(a)` and `x | f(a)`; the last two put `x` first in `args`, so every function
   * sees its subject as its first argument whichever way it was written.
   */
  | { type: "call"; name: string; args: Expr[]; form: "call" | "method" | "pipe"; at: SourceRange; opAt: SourceRange }
  | { type: "negate"; operand: Expr; at: SourceRange }
  | { type: "not"; operand: Expr; at: SourceRange }
  | { type: "arithmetic"; op: ArithmeticOperator; left: Expr; right: Expr; at: SourceRange }
  | { type: "compare"; op: CompareOperator; left: Expr; right: Expr; at: SourceRange }
  | { type: "logical"; op: LogicalOperator; left: Expr; right: Expr; at: SourceRange }
  /**
   * `if condition then whenTrue else whenFalse`. The branches are not called `then`/`else`:
   * an object with a `then` property passes for a promise.
   */
  | { type: "conditional"; condition: Expr; whenTrue: Expr; whenFalse: Expr; at: SourceRange };
