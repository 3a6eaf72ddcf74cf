import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attributeValueJsonTexts, formatAttributeFilter, parseAttributeFilter, type AttributeFilter } from "./trace-search-attribute";

const parsed = (text: string) => {
  const result = parseAttributeFilter(text);
  if (!result.ok) throw new Error(result.reason);
  return result.filter;
};
const reason = (text: string) => {
  const result = parseAttributeFilter(text);
  if (result.ok) throw new Error(`${text} parsed`);
  return result.reason;
};

describe("parseAttributeFilter", () => {
  it("reads key:value, key!=value and key exists", () => {
    expect(parsed("customer.tier:gold")).toEqual({ key: "customer.tier", op: "equals", value: "gold" });
    expect(parsed("customer.tier!=gold")).toEqual({ key: "customer.tier", op: "not_equals", value: "gold" });
    expect(parsed("customer.tier exists")).toEqual({ key: "customer.tier", op: "exists" });
    expect(parsed("  customer.tier   EXISTS ")).toEqual({ key: "customer.tier", op: "exists" });
  });

  it("takes the value verbatim after the first operator: colons, != and inner spaces included", () => {
    expect(parsed("url.full:http://shop:8080/a b")).toEqual({ key: "url.full", op: "equals", value: "http://shop:8080/a b" });
    expect(parsed("note:a != b")).toEqual({ key: "note", op: "equals", value: "a != b" });
    expect(parsed("note!=x:y")).toEqual({ key: "note", op: "not_equals", value: "x:y" });
    expect(parsed("a!b:c")).toEqual({ key: "a!b", op: "equals", value: "c" });
    expect(parsed("tier : gold ")).toEqual({ key: "tier", op: "equals", value: "gold" });
    expect(parsed("status:exists")).toEqual({ key: "status", op: "equals", value: "exists" });
  });

  it("reads JSON string literals for exact values and for keys with operators in them", () => {
    expect(parsed('note:"  padded "')).toEqual({ key: "note", op: "equals", value: "  padded " });
    expect(parsed('note:""')).toEqual({ key: "note", op: "equals", value: "" });
    expect(parsed('note:"\\"quoted\\""')).toEqual({ key: "note", op: "equals", value: '"quoted"' });
    expect(parsed('"aws:region":eu-west-1')).toEqual({ key: "aws:region", op: "equals", value: "eu-west-1" });
    expect(parsed('"a!=b"!=c')).toEqual({ key: "a!=b", op: "not_equals", value: "c" });
    expect(parsed('"we\\"ird" exists')).toEqual({ key: 'we"ird', op: "exists" });
    expect(parsed('"k"exists')).toEqual({ key: "k", op: "exists" });
    // Not a whole literal: the value as written.
    expect(parsed('note:"a" and "b"')).toEqual({ key: "note", op: "equals", value: '"a" and "b"' });
  });

  it("says what is wrong", () => {
    expect(reason("tier")).toMatch(/is not key:value, key!=value or key exists/);
    expect(reason(":gold")).toMatch(/names no attribute key/);
    expect(reason("tier:")).toMatch(/has no value/);
    expect(reason("tier:   ")).toMatch(/has no value/);
    expect(reason('"open:gold')).toMatch(/not a complete JSON string/);
    expect(reason(`${"k".repeat(257)}:v`)).toMatch(/key is longer than 256/);
    expect(reason(`k:${"v".repeat(1025)}`)).toMatch(/value is longer than 1024/);
  });

  it("reads back whatever formatAttributeFilter writes", () => {
    const filter = fc.oneof(
      fc.record({ key: fc.string({ minLength: 1 }), op: fc.constantFrom("equals" as const, "not_equals" as const), value: fc.string() }),
      fc.record({ key: fc.string({ minLength: 1 }), op: fc.constant("exists" as const) }),
    );
    fc.assert(
      fc.property(filter, (f: AttributeFilter) => {
        const text = formatAttributeFilter(f);
        expect(parsed(text)).toEqual(f);
      }),
    );
    expect(formatAttributeFilter({ key: "tier", op: "equals", value: "gold" })).toBe("tier:gold");
    expect(formatAttributeFilter({ key: "aws:region", op: "not_equals", value: " x" })).toBe('"aws:region"!=" x"');
  });
});

describe("attributeValueJsonTexts", () => {
  it("matches strings always, and the number, boolean or JSON a value spells", () => {
    expect(attributeValueJsonTexts("gold")).toEqual(['"gold"']);
    expect(attributeValueJsonTexts("500")).toEqual(['"500"', "500", '{"$double":500}']);
    expect(attributeValueJsonTexts("-3")).toEqual(['"-3"', "-3", '{"$double":-3}']);
    expect(attributeValueJsonTexts("12.5")).toEqual(['"12.5"', "12.5"]);
    expect(attributeValueJsonTexts("true")).toEqual(['"true"', "true"]);
    expect(attributeValueJsonTexts('[1, "a"]')).toEqual(['"[1, \\"a\\"]"', '[1,"a"]']);
    expect(attributeValueJsonTexts('{"a": 1}')).toEqual(['"{\\"a\\": 1}"', '{"a":1}']);
  });

  it("matches numbers only in their JSON spelling", () => {
    expect(attributeValueJsonTexts("12.50")).toEqual(['"12.50"']);
    expect(attributeValueJsonTexts("007")).toEqual(['"007"']);
    expect(attributeValueJsonTexts("1e3")).toEqual(['"1e3"']);
    expect(attributeValueJsonTexts("1e+21")).toEqual(['"1e+21"', '{"$double":1e+21}']);
    expect(attributeValueJsonTexts("+5")).toEqual(['"+5"']);
  });

  it("matches the tagged integers and doubles of the span model", () => {
    expect(attributeValueJsonTexts("12345678901234567890")).toEqual(['"12345678901234567890"', '{"$int":"12345678901234567890"}']);
    // An integral double beyond 2^53 in JavaScript's spelling.
    expect(attributeValueJsonTexts("12345678901234567000")).toEqual(['"12345678901234567000"', '{"$double":12345678901234567000}', '{"$int":"12345678901234567000"}']);
    expect(attributeValueJsonTexts("NaN")).toEqual(['"NaN"', '{"$double":"NaN"}']);
    expect(attributeValueJsonTexts("-Infinity")).toEqual(['"-Infinity"', '{"$double":"-Infinity"}']);
    expect(attributeValueJsonTexts("-0")).toEqual(['"-0"', '{"$double":"-0"}']);
  });

  it("never matches an empty value (null)", () => {
    expect(attributeValueJsonTexts("null")).toEqual(['"null"']);
  });
});
