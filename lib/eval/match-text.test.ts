import { describe, expect, it } from "vitest";
import { characterCount, describeJsonValue, excerpt, findJsonObject, findPhrase, parseJson, parseJsonDocument } from "./match-text";

describe("characterCount", () => {
  it("counts code points, so an emoji is one character", () => {
    expect(characterCount("héllo 😀")).toBe(7);
    expect(characterCount("")).toBe(0);
  });
});

describe("findPhrase", () => {
  it("ignores case and apostrophe style", () => {
    expect(findPhrase("Sorry, I Can’t help with that.", "i can't help")).toBe(7);
    expect(findPhrase("I can help with that.", "i can't help")).toBe(-1);
  });
});

describe("parseJsonDocument", () => {
  it("accepts objects and arrays only", () => {
    expect(parseJsonDocument(' {"a": [1]} \n')).toEqual({ ok: true, value: { a: [1] } });
    expect(parseJsonDocument("[1, 2]")).toEqual({ ok: true, value: [1, 2] });
    expect(parseJsonDocument('"text"')).toEqual({ ok: false, reason: "a JSON string, not an object or array" });
    expect(parseJsonDocument("null")).toEqual({ ok: false, reason: "JSON null, not an object or array" });
    const prose = parseJsonDocument("Here you go: {}");
    expect(prose.ok).toBe(false);
    if (!prose.ok) expect(prose.reason).toMatch(/^not JSON \(/);
  });
});

describe("parseJson", () => {
  it("takes any JSON value, as JSON.parse does, and says why anything else is not", () => {
    expect(parseJson(" 42 ")).toEqual({ ok: true, value: 42 });
    expect(parseJson("null")).toEqual({ ok: true, value: null });
    const prose = parseJson("It is 42.");
    expect(prose.ok).toBe(false);
    if (!prose.ok) expect(prose.reason).toMatch(/^not JSON \(/);
    expect(["{}", "[]", '"x"', "1", "true", "null"].map((text) => describeJsonValue(JSON.parse(text)))).toEqual([
      "a JSON object",
      "a JSON array",
      "a JSON string",
      "a JSON number",
      "a JSON boolean",
      "JSON null",
    ]);
  });
});

describe("findJsonObject", () => {
  it("finds the first brace that opens a JSON object, braces inside strings and non-JSON braces skipped", () => {
    expect(findJsonObject('{"a": 1}')).toBe(0);
    expect(findJsonObject('Status {shipped}; data: {"s": "{x}", "n": {"m": [1]}} end')).toBe(24);
    expect(findJsonObject('{"escaped \\" quote": "}"}')).toBe(0);
    expect(findJsonObject("[1, 2] and {not json}")).toBe(-1);
    expect(findJsonObject('{"open": ')).toBe(-1);
  });
});

describe("excerpt", () => {
  it("quotes short text whole, with line breaks escaped", () => {
    expect(excerpt("one\ntwo")).toBe('"one\\ntwo"');
  });

  it("cuts long text around the index", () => {
    const text = `${"a".repeat(100)}NEEDLE${"b".repeat(100)}`;
    const piece = excerpt(text, 100, 30);
    expect(piece.startsWith("…")).toBe(true);
    expect(piece.endsWith("…")).toBe(true);
    expect(piece).toContain("NEEDLE");
    expect(piece).toBe(`…"${"a".repeat(10)}NEEDLE${"b".repeat(14)}"…`);
  });

  it("does not cut at the start when the index is near it", () => {
    expect(excerpt("x".repeat(100), 0, 10)).toBe(`"${"x".repeat(10)}"…`);
  });
});
