import { describe, expect, it } from "vitest";
import { parseAssertion, type ParseResult } from "./parse-assertion";
import { renderAst } from "./testing/render-ast";

function tree(source: string): string {
  const result = parseAssertion(source);
  if (!result.ok) throw new Error(`${source}: ${result.error.message} at ${result.error.line}:${result.error.column}`);
  return renderAst(result.ast);
}

function syntaxError(source: string) {
  const result: ParseResult = parseAssertion(source);
  if (result.ok) throw new Error(`${source} parsed as ${renderAst(result.ast)}`);
  return result.error;
}

describe("parseAssertion: the expressions exported tests carry", () => {
  it("reads a span presence check", () => {
    expect(tree("trace.span('user-service') != nil")).toBe('(!= (span trace "user-service") nil)');
  });

  it("reads a duration bound", () => {
    expect(tree("trace.duration_ms < 5000")).toBe("(< trace.duration_ms 5000)");
  });

  it("reads a pipeline, binding the pipes tighter than the comparison", () => {
    expect(tree("trace.spans | filter(.status == 'error') | len == 0")).toBe(
      '(== (len (filter trace.spans (== @.status "error"))) 0)',
    );
  });
});

describe("parseAssertion: precedence and associativity", () => {
  it.each([
    ["1 + 2 * 3 == 7", "(== (+ 1 (* 2 3)) 7)"],
    ["(1 + 2) * 3", "(* (+ 1 2) 3)"],
    ["10 - 4 - 3", "(- (- 10 4) 3)"],
    ["8 / 4 / 2", "(/ (/ 8 4) 2)"],
    ["7 % 4 * 2", "(* (% 7 4) 2)"],
    ["-2 * 3", "(* (neg 2) 3)"],
    ["1 - -2", "(- 1 (neg 2))"],
    ["- - 2", "(neg (neg 2))"],
    ["not a or b", "(or (not a) b)"],
    ["a or b and c", "(or a (and b c))"],
    ["a and b or c and d", "(or (and a b) (and c d))"],
    ["not a == b", "(not (== a b))"],
    ["not not a", "(not (not a))"],
    ["a < b + 1 and c", "(and (< a (+ b 1)) c)"],
    ["x | len + 1 > 2", "(> (+ (len x) 1) 2)"],
    ["-x | len", "(neg (len x))"],
    ["a.b.c[0].d", "a.b.c[0].d"],
  ])("%s", (source, expected) => {
    expect(tree(source)).toBe(expected);
  });

  it("treats &&, || and ! as and, or and not", () => {
    expect(tree("!a || b && c")).toBe(tree("not a or b and c"));
    expect(tree("!(a != b)")).toBe("(not (!= a b))");
  });

  it("accepts every comparison operator", () => {
    for (const op of ["==", "!=", "<", "<=", ">", ">="]) expect(tree(`1 ${op} 2`)).toBe(`(${op} 1 2)`);
  });

  it("spans lines, as in YAML block scalars", () => {
    expect(tree("trace.duration_ms < 5000\n  and trace.spans\n    | len > 0\n")).toBe(
      "(and (< trace.duration_ms 5000) (> (len trace.spans) 0))",
    );
  });
});

describe("parseAssertion: implies and if-then-else", () => {
  it.each([
    ["a implies b", "(implies a b)"],
    ["x or y implies z", "(implies (or x y) z)"],
    ["a implies b or c", "(implies a (or b c))"],
    ["a and b implies c and d", "(implies (and a b) (and c d))"],
    ["not a implies b", "(implies (not a) b)"],
    ["a == 1 implies b < 2", "(implies (== a 1) (< b 2))"],
    ["a implies b implies c", "(implies a (implies b c))"],
    ["(a implies b) implies c", "(implies (implies a b) c)"],
    ["a || b implies !c", "(implies (or a b) (not c))"],
    ["if a then b else c", "(if a b c)"],
    ["if a or b then c and d else e == 1", "(if (or a b) (and c d) (== e 1))"],
    ["if a implies b then c else d", "(if (implies a b) c d)"],
    ["if a then b else c implies d", "(if a b (implies c d))"],
    ["if a then if b then c else d else e", "(if a (if b c d) e)"],
    ["if a then b else if c then d else e", "(if a b (if c d e))"],
    ["(if a then 1 else 2) + 3 == 4", "(== (+ (if a 1 2) 3) 4)"],
    ["x | all(if .a then .b else true)", "(all x (if @.a @.b true))"],
    ["[if a then 1 else 2]", "[(if a 1 2)]"],
    ["if\n  a\nthen\n  b\nelse\n  c", "(if a b c)"],
  ])("%s", (source, expected) => {
    expect(tree(source)).toBe(expected);
  });

  it("reserves implies, if, then and else as bare names but not after a dot or inside a longer name", () => {
    for (const word of ["implies", "then", "else"]) {
      expect(syntaxError(`${word} == 1`)).toMatchObject({ line: 1, column: 1, expected: ["a value"] });
    }
    // A leading `if` starts a conditional, so what is missing is its condition.
    expect(syntaxError("if == 1")).toMatchObject({ line: 1, column: 4, expected: ["a value"] });
    for (const word of ["implies", "if", "then", "else"]) {
      expect(tree(`x.${word} == 1`)).toBe(`(== x.${word} 1)`);
      expect(tree(`.${word}`)).toBe(`@.${word}`);
      expect(tree(`${word}_count == ${word}x`)).toBe(`(== ${word}_count ${word}x)`);
    }
    expect(tree("iffy implies elsewhere")).toBe("(implies iffy elsewhere)");
    expect(tree("x.if(1)")).toBe("(if x 1)");
  });

  it("requires the else branch", () => {
    expect(syntaxError("if a then b")).toEqual({
      message: 'expected "else", found the end of the expression',
      line: 1,
      column: 12,
      expected: ['"else"'],
    });
    expect(syntaxError("if a then b else")).toMatchObject({ line: 1, column: 17, expected: ["a value"] });
  });

  it("points at a missing then", () => {
    const error = syntaxError("if trace.duration_ms > 5\n  trace.span_count == 4 else true");
    expect(error).toMatchObject({ line: 2, column: 3 });
    expect(error.expected).toContain('"then"');
  });

  it("points past an implies with nothing after it, and at a doubled one", () => {
    expect(syntaxError("a implies")).toMatchObject({ line: 1, column: 10, expected: ["a value"] });
    expect(syntaxError("a implies implies b")).toMatchObject({ line: 1, column: 11, expected: ["a value"] });
  });

  it("asks for parentheses around a conditional used as an operand", () => {
    const error = syntaxError("x and if a then b else c");
    expect(error).toMatchObject({ line: 1, column: 7, expected: ["a value"] });
    expect(error.message).toBe('expected a value, found "if" (a conditional inside a larger expression goes in parentheses: `(if c then a else b)`)');
    expect(syntaxError("1 + if a then 2 else 3")).toMatchObject({ line: 1, column: 5 });
    expect(syntaxError("not if a then b else c").message).toContain("goes in parentheses");
  });

  it("records the range of the whole conditional and of each part", () => {
    const result = parseAssertion("if a then b else c");
    expect(result.ok && result.ast).toMatchObject({
      type: "conditional",
      at: { start: 0, end: 18 },
      condition: { type: "name", at: { start: 3, end: 4 } },
      whenTrue: { type: "name", at: { start: 10, end: 11 } },
      whenFalse: { type: "name", at: { start: 17, end: 18 } },
    });
  });
});

describe("parseAssertion: literals", () => {
  it.each([
    ["0", "0"],
    ["42", "42"],
    ["3.25", "3.25"],
    ["1e3", "1000"],
    ["2.5E-2", "0.025"],
    ["6E+2", "600"],
    ["true", "true"],
    ["false", "false"],
    ["nil", "nil"],
    ["'single'", '"single"'],
    ['"double"', '"double"'],
    ["\"it's\"", '"it\'s"'],
    ["'say \"hi\"'", '"say \\"hi\\""'],
    ["'a\\'b'", '"a\'b"'],
    ['"a\\"b"', '"a\\"b"'],
    ["'tab\\tnew\\nline\\\\ slash\\/'", '"tab\\tnew\\nline\\\\ slash/"'],
    ["'\\u00e9t\\u00E9'", '"été"'],
    ["''", '""'],
    ["[1, 'a', nil]", '[1 "a" nil]'],
    ["[]", "[]"],
  ])("%s", (source, expected) => {
    expect(tree(source)).toBe(expected);
  });
});

describe("parseAssertion: paths and calls", () => {
  it("reads attribute keys with dots through an index", () => {
    expect(tree("trace.root.attributes['http.response.status_code'] == 200")).toBe(
      '(== trace.root.attributes["http.response.status_code"] 200)',
    );
  });

  it("reads a leading dot as the predicate element, alone, with a member or with an index", () => {
    expect(tree("x | filter(.attributes['db.system.name'] == 'redis')")).toBe('(filter x (== @.attributes["db.system.name"] "redis"))');
    expect(tree("x | any(. == 'gateway')")).toBe('(any x (== @ "gateway"))');
    expect(tree("x | map(.['k'])")).toBe('(map x @["k"])');
    expect(tree("x | map(.events[0].name)")).toBe("(map x @.events[0].name)");
  });

  it("gives method calls, pipes and plain calls the same shape: the subject comes first", () => {
    expect(tree("trace.span('db')")).toBe('(span trace "db")');
    expect(tree("trace | span('db')")).toBe('(span trace "db")');
    expect(tree("span(trace, 'db')")).toBe('(span trace "db")');
    expect(tree("len(trace.spans)")).toBe(tree("trace.spans | len"));
    expect(tree("trace.spans | count")).toBe("(count trace.spans)");
    expect(tree("f()")).toBe("(f)");
  });

  it("keeps keywords whole: they may start names and follow a dot", () => {
    expect(tree("android and order")).toBe("(and android order)");
    expect(tree("nil_count == notes")).toBe("(== nil_count notes)");
    expect(tree(".not")).toBe("@.not");
    expect(syntaxError("and").column).toBe(1);
  });

  it("records where each node and each access came from", () => {
    const result = parseAssertion("trace.span('db').attributes['x']");
    expect(result.ok).toBe(true);
    if (!result.ok || result.ast.type !== "index") return;
    expect(result.ast.at).toEqual({ start: 0, end: 32 });
    expect(result.ast.opAt).toEqual({ start: 27, end: 32 });
    const member = result.ast.object;
    expect(member.type === "member" && member.opAt).toEqual({ start: 16, end: 27 });
  });
});

describe("parseAssertion: syntax errors", () => {
  it("points past a dangling operator", () => {
    expect(syntaxError("trace.duration_ms <")).toEqual({
      message: "expected a value, found the end of the expression",
      line: 1,
      column: 20,
      expected: ["a value"],
    });
  });

  it("points into the right line of a multi-line expression", () => {
    const error = syntaxError("trace.duration_ms < 5000 and\n  trace.spans | filter(.status = 'error') | len == 0");
    expect(error).toMatchObject({ line: 2, column: 32 });
    expect(error.expected).toContain("a comparison");
    expect(error.message).toContain('found "="');
    expect(error.message).toContain("compare with `==`");
  });

  it("points at the second operator of a doubled one on a later line", () => {
    expect(syntaxError("x.attributes['a'] and\n  trace.duration_ms > > 3")).toMatchObject({ line: 2, column: 23, expected: ["a value"] });
  });

  it("reports an unclosed parenthesis at the end", () => {
    expect(syntaxError("1 + (2 * 3")).toMatchObject({ line: 1, column: 11, expected: ['")"'] });
  });

  it("reports an unterminated string at the end, and a raw line break inside one", () => {
    expect(syntaxError("'abc")).toMatchObject({ line: 1, column: 5, expected: [`"'"`] });
    expect(syntaxError('"abc\n"')).toMatchObject({ line: 1, column: 5, expected: [`'"'`] });
  });

  it("reports an unknown escape at the escape", () => {
    expect(syntaxError("'\\q'")).toMatchObject({ line: 1, column: 3, expected: ["an escape sequence"] });
    expect(syntaxError("'\\u12'")).toMatchObject({ line: 1, column: 3 });
  });

  it("refuses chained comparisons and says why", () => {
    const error = syntaxError("a < b < c");
    expect(error).toMatchObject({ line: 1, column: 7 });
    expect(error.message).toContain("comparisons do not chain");
  });

  it("refuses a unit glued to a number", () => {
    expect(syntaxError("trace.duration_ms < 5000ms")).toMatchObject({
      line: 1,
      column: 25,
      message: 'expected the end of the expression, found "ms"',
    });
  });

  it("refuses an empty expression and a pipe into nothing", () => {
    expect(syntaxError("")).toMatchObject({ line: 1, column: 1, expected: ["a value"] });
    expect(syntaxError("   \n  ")).toMatchObject({ line: 2, column: 3 });
    expect(syntaxError("trace.spans | ")).toMatchObject({ line: 1, column: 15, expected: ["a name"] });
  });

  it("counts columns in characters, not UTF-16 units", () => {
    // Seven characters, nine UTF-16 units.
    expect(syntaxError("'😀é' ==")).toMatchObject({ line: 1, column: 8 });
  });

  it("returns an error for input nested too deeply, and keeps working afterwards", () => {
    const deep = `${"(".repeat(20_000)}1${")".repeat(20_000)}`;
    expect(syntaxError(deep)).toMatchObject({ line: 1, column: 1 });
    expect(tree("(((1)))")).toBe("1");
  });
});
