import { describe, expect, it } from "vitest";
import { baselineAssertions, isRefusal } from "./baseline-assertions";
import { REFUSAL_PHRASES } from "./refusal-phrases";

const refusalChecks = (assertions: ReturnType<typeof baselineAssertions>) => assertions.flatMap((a) => (a.type === "not_icontains" ? [a.value] : []));
const has = (assertions: ReturnType<typeof baselineAssertions>, type: string) => assertions.some((a) => a.type === type);

describe("baselineAssertions", () => {
  it("allows 1.5 × the production length, rounded up, and no refusal phrase production did not use, in any case", () => {
    const assertions = baselineAssertions("Order A-1042 shipped.");
    expect(assertions[0]).toEqual({ type: "max_length", value: 32 });
    expect(refusalChecks(assertions)).toEqual(REFUSAL_PHRASES);
    // not_contains would miss "I cannot": models capitalize what the list holds in lowercase.
    expect(has(assertions, "not_contains")).toBe(false);
    expect(has(assertions, "is_json")).toBe(false);
  });

  it("lists at least a dozen lowercase refusal phrases", () => {
    expect(REFUSAL_PHRASES.length).toBeGreaterThanOrEqual(12);
    for (const phrase of REFUSAL_PHRASES) expect(phrase).toBe(phrase.toLowerCase());
    expect(REFUSAL_PHRASES).toEqual(expect.arrayContaining(["i cannot", "i can't help", "as an ai"]));
  });

  it("counts characters, not UTF-16 units", () => {
    expect(baselineAssertions("😀😀😀")[0]).toEqual({ type: "max_length", value: 5 });
  });

  it("adds no length limit for an empty completion", () => {
    const assertions = baselineAssertions("");
    expect(has(assertions, "max_length")).toBe(false);
    expect(refusalChecks(assertions)).toEqual(REFUSAL_PHRASES);
  });

  it("asserts no refusal phrase absent when production itself refused, whatever its case or apostrophe", () => {
    for (const refusal of [
      "I’m sorry, but As An AI I cannot share that.",
      "I am sorry, but that is not something I can look up.",
      "i AM SORRY BUT no.",
      "I can’t help with that request.",
      "Sorry — I'm not able to discuss other customers' orders.",
    ]) {
      expect(isRefusal(refusal), refusal).toBe(true);
      const assertions = baselineAssertions(refusal);
      expect(refusalChecks(assertions), refusal).toEqual([]);
      // The other baselines stay.
      expect(assertions[0]).toMatchObject({ type: "max_length" });
    }
  });

  it("recognises plain refusals in either apostrophe and any case", () => {
    for (const phrase of ["I am sorry, but", "I'm sorry, but", "I cannot", "I can't help with", "As an AI", "I’M SORRY, BUT", "i can’t help with"]) {
      expect(isRefusal(`${phrase} that.`), phrase).toBe(true);
    }
    expect(isRefusal("Order A-1042 shipped yesterday; sorry for the wait.")).toBe(false);
  });

  it("lists each phrase once, lowercase, with a plain apostrophe", () => {
    expect(new Set(REFUSAL_PHRASES).size).toBe(REFUSAL_PHRASES.length);
    for (const phrase of REFUSAL_PHRASES) expect(phrase).toMatch(/^[a-z ,']+$/);
  });

  it("asks for JSON when production answered with a JSON object or array", () => {
    const isJson = { type: "is_json", value: true };
    expect(baselineAssertions('{"status": "shipped"}')).toContainEqual(isJson);
    expect(baselineAssertions('[{"id": 1}]\n')).toContainEqual(isJson);
    // JSON, but not a structured answer: a prose answer "42" promised no JSON.
    expect(baselineAssertions('"just a string"')).not.toContainEqual(isJson);
    expect(baselineAssertions("42")).not.toContainEqual(isJson);
    expect(baselineAssertions("Status: {shipped}")).not.toContainEqual(isJson);
  });
});
