import { describe, expect, it } from "vitest";
import { SpanKind } from "../otlp/span";
import { buildTraceContext, evaluateAssertion, parseAssertion } from "../trace-assert";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import { equalsText, literalLike, quoteText, recordedLiteral } from "./trace-assert-text";

function spanWith(attributes: Record<string, unknown>) {
  return buildTraceContext([makeTraceSpan({ spanId: "00000000000000a1", service: "svc", kind: SpanKind.SERVER, attributes: attributes as never })]);
}

function holds(condition: string, attributes: Record<string, unknown>): string {
  return evaluateAssertion(`trace.spans | any(${condition})`, spanWith(attributes)).status;
}

describe("quoteText", () => {
  it.each(["gold", "it's", "back\\slash", "two\nlines", "carriage\rreturn", "line\u2028separator", "", "→ unicode"])("reads back as %j", (text) => {
    const parsed = parseAssertion(quoteText(text));
    expect(parsed.ok && parsed.ast).toMatchObject({ type: "literal", value: text });
  });
});

describe("recordedLiteral and literalLike", () => {
  it("writes each recorded scalar as the value assertions compare it with", () => {
    const attributes = { s: "gold", n: 42, neg: -1.5, b: true, big: { $int: "9007199254740993" }, safe: { $int: "12" } };
    for (const key of Object.keys(attributes)) {
      const literal = recordedLiteral(attributes[key as keyof typeof attributes] as never)!;
      expect(holds(`.attributes['${key}'] == ${literal}`, attributes), `${key}: ${literal}`).toBe("passed");
    }
    expect(recordedLiteral([1, 2])).toBeUndefined();
    expect(recordedLiteral(Number.NaN)).toBeUndefined();
  });

  it("types a value read as text like a sample recorded under the same key", () => {
    expect(literalLike("7", 3)).toBe("7");
    expect(literalLike("-7", 3)).toBe("-7");
    expect(literalLike("7", "3")).toBe("'7'");
    expect(literalLike("false", true)).toBe("false");
    expect(literalLike("maybe", true)).toBeUndefined();
    expect(literalLike("x", 3)).toBeUndefined();
    expect(literalLike("9007199254740993", { $int: "1" })).toBe("'9007199254740993'");
    expect(literalLike("5", { $int: "1" })).toBe("5");
    expect(literalLike("5", ["a"])).toBeUndefined();
  });
});

describe("equalsText", () => {
  it("accepts either reading of a number or boolean read as text, and only that value", () => {
    const access = ".attributes['k']";
    expect(holds(equalsText(access, "42"), { k: 42 })).toBe("passed");
    expect(holds(equalsText(access, "42"), { k: "42" })).toBe("passed");
    expect(holds(equalsText(access, "42"), { k: 43 })).toBe("failed");
    expect(holds(equalsText(access, "true"), { k: true })).toBe("passed");
    expect(holds(equalsText(access, "true"), { k: "true" })).toBe("passed");
    expect(holds(equalsText(access, "true"), { k: false })).toBe("failed");
    expect(holds(equalsText(access, "gold"), { k: "gold" })).toBe("passed");
    expect(holds(equalsText(access, "gold"), {})).toBe("failed");
    // "007" is not how a number reads back, so only the text matches.
    expect(equalsText(access, "007")).toBe(".attributes['k'] == '007'");
  });
});
