// Source text → AST, through the ohm grammar. The parser never throws: malformed input, even
// input deep enough to exhaust the stack, comes back as an error with a position, because
// assertions arrive from exported test files people edit by hand.
import type { Node } from "ohm-js";
import type { ArithmeticOperator, CompareOperator, Expr, SourceRange } from "./ast";
import { describeSyntaxError } from "./describe-syntax-error";
import { traceAssertGrammar } from "./grammar";
import { sourcePosition } from "./source-position";

export interface AssertionSyntaxError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in code points. */
  column: number;
  /** What the parser would have accepted at that position, e.g. `a value`, `")"`. */
  expected?: string[];
}

export type ParseResult = { ok: true; ast: Expr } | { ok: false; error: AssertionSyntaxError };

const semantics = traceAssertGrammar.createSemantics();

function rangeOf(node: Node): SourceRange {
  return { start: node.source.startIdx, end: node.source.endIdx };
}

function rangeFrom(first: Node, last: Node): SourceRange {
  return { start: first.source.startIdx, end: last.source.endIdx };
}

function listOf(argumentsNode: Node): Expr[] {
  // Arguments = "(" ListOf<Expr, ","> ")"
  return argumentsNode.child(1).asIteration().children.map((child: Node) => child.ast() as Expr);
}

// Ohm checks every action's arity against its rule, so children an action ignores must still
// be declared as parameters.
/* eslint-disable @typescript-eslint/no-unused-vars */
semantics.addOperation<Expr>("ast", {
  Assertion(expr, _end) {
    return expr.ast();
  },
  If(_if, condition, _then, whenTrue, _else, whenFalse) {
    return { type: "conditional", condition: condition.ast(), whenTrue: whenTrue.ast(), whenFalse: whenFalse.ast(), at: rangeOf(this) };
  },
  Implies_implies(left, _op, right) {
    return { type: "logical", op: "implies", left: left.ast(), right: right.ast(), at: rangeOf(this) };
  },
  Or_or(left, _op, right) {
    return { type: "logical", op: "or", left: left.ast(), right: right.ast(), at: rangeOf(this) };
  },
  And_and(left, _op, right) {
    return { type: "logical", op: "and", left: left.ast(), right: right.ast(), at: rangeOf(this) };
  },
  Not_not(_op, operand) {
    return { type: "not", operand: operand.ast(), at: rangeOf(this) };
  },
  Compare_compare(left, op, right) {
    return { type: "compare", op: op.sourceString as CompareOperator, left: left.ast(), right: right.ast(), at: rangeOf(this) };
  },
  Sum_binary(left, op, right) {
    return { type: "arithmetic", op: op.sourceString as ArithmeticOperator, left: left.ast(), right: right.ast(), at: rangeOf(this) };
  },
  Product_binary(left, op, right) {
    return { type: "arithmetic", op: op.sourceString as ArithmeticOperator, left: left.ast(), right: right.ast(), at: rangeOf(this) };
  },
  Unary_negate(_minus, operand) {
    return { type: "negate", operand: operand.ast(), at: rangeOf(this) };
  },
  Pipe_pipe(subject, _bar, call) {
    const { name, args } = call.pipeCall() as { name: string; args: Expr[] };
    return { type: "call", name, args: [subject.ast(), ...args], form: "pipe", at: rangeOf(this), opAt: rangeOf(call) };
  },
  Postfix_method(object, dot, name, args) {
    return {
      type: "call",
      name: name.sourceString,
      args: [object.ast(), ...listOf(args)],
      form: "method",
      at: rangeOf(this),
      opAt: rangeFrom(dot, args),
    };
  },
  Postfix_member(object, dot, name) {
    return { type: "member", object: object.ast(), name: name.sourceString, at: rangeOf(this), opAt: rangeFrom(dot, name) };
  },
  Postfix_index(object, open, index, close) {
    return { type: "index", object: object.ast(), index: index.ast(), at: rangeOf(this), opAt: rangeFrom(open, close) };
  },
  Primary_paren(_open, expr, _close) {
    return expr.ast();
  },
  Primary_list(_open, items, _close) {
    return { type: "list", items: items.asIteration().children.map((child: Node) => child.ast() as Expr), at: rangeOf(this) };
  },
  Primary_call(name, args) {
    return { type: "call", name: name.sourceString, args: listOf(args), form: "call", at: rangeOf(this), opAt: rangeOf(this) };
  },
  Primary_name(name) {
    return { type: "name", name: name.sourceString, at: rangeOf(this) };
  },
  Relative_member(dot, name) {
    return { type: "member", object: { type: "element", at: rangeOf(dot) }, name: name.sourceString, at: rangeOf(this), opAt: rangeOf(this) };
  },
  Relative_index(dot, open, index, close) {
    return { type: "index", object: { type: "element", at: rangeOf(dot) }, index: index.ast(), at: rangeOf(this), opAt: rangeFrom(open, close) };
  },
  Relative_element(_dot) {
    return { type: "element", at: rangeOf(this) };
  },
  number(_whole, _fraction, _exponent) {
    return { type: "literal", value: Number(this.sourceString), at: rangeOf(this) };
  },
  string_single(_open, chars, _close) {
    return { type: "literal", value: chars.children.map((c: Node) => c.text() as string).join(""), at: rangeOf(this) };
  },
  string_double(_open, chars, _close) {
    return { type: "literal", value: chars.children.map((c: Node) => c.text() as string).join(""), at: rangeOf(this) };
  },
  true(_word) {
    return { type: "literal", value: true, at: rangeOf(this) };
  },
  false(_word) {
    return { type: "literal", value: false, at: rangeOf(this) };
  },
  nil(_word) {
    return { type: "literal", value: null, at: rangeOf(this) };
  },
});

/* eslint-enable @typescript-eslint/no-unused-vars */

semantics.addOperation<{ name: string; args: Expr[] }>("pipeCall", {
  PipeCall_withArguments(name, args) {
    return { name: name.sourceString, args: listOf(args) };
  },
  PipeCall_bare(name) {
    return { name: name.sourceString, args: [] };
  },
});

const SIMPLE_ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  b: "\b",
  f: "\f",
  v: "\v",
  "0": "\0",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "/": "/",
};

semantics.addOperation<string>("text", {
  singleQuoted_plain(char) {
    return char.sourceString;
  },
  doubleQuoted_plain(char) {
    return char.sourceString;
  },
  escape(_backslash, escaped) {
    return escaped.text();
  },
  escaped_unicode(_u, a, b, c, d) {
    return String.fromCharCode(parseInt(a.sourceString + b.sourceString + c.sourceString + d.sourceString, 16));
  },
  escaped(inner) {
    return inner.ctorName === "escaped_unicode" ? inner.text() : SIMPLE_ESCAPES[inner.sourceString];
  },
});

export function parseAssertion(source: string): ParseResult {
  try {
    const match = traceAssertGrammar.match(source);
    if (match.failed()) return { ok: false, error: describeSyntaxError(source, match) };
    return { ok: true, ast: semantics(match).ast() as Expr };
  } catch (error) {
    // Only the stack can run out; anything else is a bug here and should surface as one.
    if (!(error instanceof RangeError)) throw error;
    return { ok: false, error: { message: "the expression is too long or too deeply nested to read", ...sourcePosition(source, 0) } };
  }
}
