import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forestShapeArbitrary, materializeSpans, spanIdsArbitrary } from "../traces/testing/arbitrary-trace";
import { evaluateAssertion } from "./evaluate-assertion";
import { parseAssertion } from "./parse-assertion";
import { buildTraceContext, type TraceContext } from "./trace-context";

const EMPTY_TRACE = buildTraceContext([]);

type Arithmetic =
  | { kind: "int"; value: number }
  | { kind: "negate"; operand: Arithmetic }
  | { kind: "binary"; op: "+" | "-" | "*" | "/" | "%"; left: Arithmetic; right: Arithmetic };

const { arithmetic } = fc.letrec<{ arithmetic: Arithmetic }>((tie) => ({
  arithmetic: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ kind: fc.constant("int" as const), value: fc.integer({ min: -1000, max: 1000 }) }),
    fc.record({ kind: fc.constant("negate" as const), operand: tie("arithmetic") }),
    fc.record({
      kind: fc.constant("binary" as const),
      op: fc.constantFrom("+" as const, "-" as const, "*" as const, "/" as const, "%" as const),
      left: tie("arithmetic"),
      right: tie("arithmetic"),
    }),
  ),
}));

const PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2, "%": 2 } as const;
const UNARY = 3;
const ATOM = 4;

/**
 * Source text with only the parentheses standard precedence requires, so the parser's own
 * precedence and left associativity are what decide the shape.
 */
function render(node: Arithmetic, gap: string): { text: string; precedence: number } {
  switch (node.kind) {
    case "int":
      return node.value < 0 ? { text: `-${-node.value}`, precedence: UNARY } : { text: String(node.value), precedence: ATOM };
    case "negate": {
      const operand = render(node.operand, gap);
      const inner = operand.precedence < UNARY ? `(${operand.text})` : operand.text;
      return { text: `-${inner.startsWith("-") ? " " : ""}${inner}`, precedence: UNARY };
    }
    case "binary": {
      const own = PRECEDENCE[node.op];
      const left = render(node.left, gap);
      const right = render(node.right, gap);
      const leftText = left.precedence < own ? `(${left.text})` : left.text;
      const rightText = right.precedence <= own ? `(${right.text})` : right.text;
      return { text: `${leftText}${gap}${node.op}${gap}${rightText}`, precedence: own };
    }
  }
}

/** The same arithmetic done by JavaScript, noting a zero divisor (an evaluation error there). */
function compute(node: Arithmetic, state: { dividedByZero: boolean }): number {
  switch (node.kind) {
    case "int":
      return node.value;
    case "negate":
      return -compute(node.operand, state);
    case "binary": {
      const left = compute(node.left, state);
      const right = compute(node.right, state);
      if ((node.op === "/" || node.op === "%") && right === 0) state.dividedByZero = true;
      switch (node.op) {
        case "+":
          return left + right;
        case "-":
          return left - right;
        case "*":
          return left * right;
        case "/":
          return left / right;
        case "%":
          return left % right;
      }
    }
  }
}

type Logic =
  | { kind: "leaf"; value: boolean | null }
  | { kind: "not"; operand: Logic; spelling: "not" | "!" }
  | { kind: "binary"; op: "and" | "or" | "implies"; left: Logic; right: Logic; symbol: boolean }
  | { kind: "if"; condition: Logic; whenTrue: Logic; whenFalse: Logic };

const { logic } = fc.letrec<{ logic: Logic }>((tie) => ({
  logic: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    // nil now and then, to check that only the operands that decide are read.
    fc.record({ kind: fc.constant("leaf" as const), value: fc.constantFrom(true, false, true, false, null) }),
    fc.record({ kind: fc.constant("not" as const), operand: tie("logic"), spelling: fc.constantFrom("not" as const, "!" as const) }),
    fc.record({
      kind: fc.constant("binary" as const),
      op: fc.constantFrom("and" as const, "or" as const, "implies" as const),
      left: tie("logic"),
      right: tie("logic"),
      symbol: fc.boolean(),
    }),
    fc.record({ kind: fc.constant("if" as const), condition: tie("logic"), whenTrue: tie("logic"), whenFalse: tie("logic") }),
  ),
}));

/** Loosest first; a conditional is a whole expression, so as an operand it always needs parentheses. */
const LOGIC_PRECEDENCE = { if: 0, implies: 1, or: 2, and: 3, not: 4, leaf: 5 } as const;

/** Source text with only the parentheses the grammar requires: the parser decides the shape. */
function renderLogic(node: Logic, gap: string): { text: string; precedence: number } {
  switch (node.kind) {
    case "leaf":
      return { text: node.value === null ? "nil" : String(node.value), precedence: LOGIC_PRECEDENCE.leaf };
    case "not": {
      const operand = renderLogic(node.operand, gap);
      const text = operand.precedence < LOGIC_PRECEDENCE.not ? `(${operand.text})` : operand.text;
      return { text: `${node.spelling}${node.spelling === "not" ? " " : ""}${text}`, precedence: LOGIC_PRECEDENCE.not };
    }
    case "binary": {
      const own = LOGIC_PRECEDENCE[node.op];
      const left = renderLogic(node.left, gap);
      const right = renderLogic(node.right, gap);
      // and/or group to the left, implies to the right.
      const rightAssociative = node.op === "implies";
      const leftText = left.precedence < own || (rightAssociative && left.precedence === own) ? `(${left.text})` : left.text;
      const rightText = right.precedence < own || (!rightAssociative && right.precedence === own) ? `(${right.text})` : right.text;
      const op = node.symbol && node.op !== "implies" ? (node.op === "and" ? "&&" : "||") : node.op;
      return { text: `${leftText}${gap}${op} ${rightText}`, precedence: own };
    }
    case "if": {
      const [condition, whenTrue, whenFalse] = [node.condition, node.whenTrue, node.whenFalse].map((part) => renderLogic(part, gap).text);
      return { text: `if ${condition}${gap}then ${whenTrue}${gap}else ${whenFalse}`, precedence: LOGIC_PRECEDENCE.if };
    }
  }
}

/** JavaScript's reading, short-circuiting the same way; a nil that gets read throws. */
function decide(node: Logic): boolean {
  switch (node.kind) {
    case "leaf":
      if (node.value === null) throw new Error("nil read");
      return node.value;
    case "not":
      return !decide(node.operand);
    case "binary": {
      const left = decide(node.left);
      if (node.op === "and") return left && decide(node.right);
      if (node.op === "or") return left || decide(node.right);
      return !left || decide(node.right);
    }
    case "if":
      return decide(node.condition) ? decide(node.whenTrue) : decide(node.whenFalse);
  }
}

const COMPARISONS = {
  "==": (a: number, b: number) => a === b,
  "!=": (a: number, b: number) => a !== b,
  "<": (a: number, b: number) => a < b,
  "<=": (a: number, b: number) => a <= b,
  ">": (a: number, b: number) => a > b,
  ">=": (a: number, b: number) => a >= b,
};

describe("trace_assert properties", () => {
  it("arithmetic and comparisons agree with JavaScript", () => {
    fc.assert(
      fc.property(
        arithmetic,
        fc.constantFrom(...(Object.keys(COMPARISONS) as (keyof typeof COMPARISONS)[])),
        arithmetic,
        fc.constantFrom(" ", "", "\n    ", "\t"),
        (left, op, right, gap) => {
          const source = `${render(left, gap).text} ${op}${gap}${render(right, gap).text}`;
          const state = { dividedByZero: false };
          const expected = COMPARISONS[op](compute(left, state), compute(right, state));
          const outcome = evaluateAssertion(source, EMPTY_TRACE);
          if (state.dividedByZero) {
            expect(outcome).toMatchObject({ status: "inconclusive" });
            expect(outcome.status === "inconclusive" && outcome.reason).toContain("division by zero");
          } else {
            expect(outcome, source).toMatchObject({ status: expected ? "passed" : "failed", value: expected });
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("and, or, not, implies and if-then-else follow their truth tables, reading only what decides", () => {
    fc.assert(
      fc.property(logic, fc.constantFrom(" ", "\n  "), (node, gap) => {
        const source = renderLogic(node, gap).text;
        const outcome = evaluateAssertion(source, EMPTY_TRACE);
        let expected: boolean;
        try {
          expected = decide(node);
        } catch {
          expect(outcome, source).toMatchObject({ status: "inconclusive" });
          return;
        }
        expect(outcome, source).toMatchObject({ status: expected ? "passed" : "failed", value: expected });
      }),
      { numRuns: 1000 },
    );
  });

  it("a implies b is not a or b, and if a then b else c is (a and b) or (not a and c)", () => {
    fc.assert(
      fc.property(logic, logic, logic, (a, b, c) => {
        const [x, y, z] = [a, b, c].map((node) => `(${renderLogic(node, " ").text})`);
        const statusOf = (source: string) => {
          const outcome = evaluateAssertion(source, EMPTY_TRACE);
          return outcome.status === "inconclusive" ? outcome.status : `${outcome.status} ${String(outcome.value)}`;
        };
        expect(statusOf(`${x} implies ${y}`)).toBe(statusOf(`not ${x} or ${y}`));
        expect(statusOf(`if ${x} then ${y} else ${z}`)).toBe(statusOf(`(${x} and ${y}) or (not ${x} and ${z})`));
      }),
      { numRuns: 300 },
    );
  });

  const TOKENS = [
    "trace", ".", "spans", "span", "|", "filter", "len", "count", "(", ")", "[", "]", ",", "'", '"', "\\", "==", "!=", "<",
    ">=", "=", "!", "and", "or", "not", "implies", "if", "then", "else", "&&", "||", "-", "+", "*", "/", "%", "1", "2.5", "1e", "e3", "nil", "true", " ",
    "\n", "\r\n", "\t", "😀", "é", "_x",
  ];
  const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((tokens) => tokens.join(""));

  it("parsing never throws, and every error points inside the source", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), fc.string({ maxLength: 60 }), tokenSoup), (source) => {
        const result = parseAssertion(source);
        if (result.ok) return;
        const lines = source.split("\n");
        const { line, column, message, expected } = result.error;
        expect(line).toBeGreaterThanOrEqual(1);
        expect(line).toBeLessThanOrEqual(lines.length);
        expect(column).toBeGreaterThanOrEqual(1);
        expect(column).toBeLessThanOrEqual([...lines[line - 1]].length + 1);
        expect(message.length).toBeGreaterThan(0);
        expect(expected?.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  const PREDICATES = [
    ".status == 'error'",
    ".kind == 'server'",
    ".status == 'error' or .kind == 'client'",
    ".service == 'orders' and not (.name == 'GET')",
    ".duration_ms >= 2",
    ".start_ms < 2",
    ".attributes['http.route'] != nil",
    ".attributes['db.system'] == 'redis'",
    ".attributes | len > 1",
    ".parent_id == nil",
    ".events | len == 0",
  ];

  const traceArbitrary: fc.Arbitrary<TraceContext> = forestShapeArbitrary.chain((shapes) =>
    spanIdsArbitrary(shapes.length + 2).map((ids) => buildTraceContext(materializeSpans(shapes, ids))),
  );

  it("count(p) equals len(filter(p)), and p splits the spans with not p", () => {
    fc.assert(
      fc.property(traceArbitrary, fc.constantFrom(...PREDICATES), (trace, predicate) => {
        expect(evaluateAssertion(`trace.spans | count(${predicate}) == len(filter(trace.spans, ${predicate}))`, trace)).toEqual({
          status: "passed",
          value: true,
        });
        expect(
          evaluateAssertion(`trace.spans | count(${predicate}) + trace.spans | count(not (${predicate})) == trace.span_count`, trace),
        ).toMatchObject({ status: "passed" });
      }),
      { numRuns: 300 },
    );
  });

  it("span(name) is the first of spans(name), and nil exactly when there is none", () => {
    fc.assert(
      fc.property(traceArbitrary, fc.constantFrom("gateway", "orders", "users", "mailer", "GET", "POST", "work", "nowhere"), (trace, name) => {
        const first = evaluateAssertion(`trace.span('${name}') == trace.spans('${name}')[0]`, trace);
        expect(first).toMatchObject({ status: "passed" });
        const expectedNil = trace.spans.every((span) => span.service !== name && span.name !== name);
        expect(evaluateAssertion(`trace.span('${name}') == nil`, trace)).toMatchObject({ status: expectedNil ? "passed" : "failed" });
      }),
      { numRuns: 200 },
    );
  });
});
