import { describe, expect, it } from "vitest";
import { baselineAssertions } from "./baseline-assertions";
import { REFUSAL_PHRASES } from "./refusal-phrases";

const notContains = (assertions: ReturnType<typeof baselineAssertions>) => assertions.flatMap((a) => ("not_contains" in a ? [a.not_contains] : []));

describe("baselineAssertions", () => {
  it("allows 1.5 × the production length, rounded up, and every refusal phrase production did not use", () => {
    const assertions = baselineAssertions("Order A-1042 shipped.");
    expect(assertions[0]).toEqual({ max_length: 32 });
    expect(notContains(assertions)).toEqual(REFUSAL_PHRASES);
    expect(assertions.some((a) => "is_json" in a)).toBe(false);
  });

  it("lists at least a dozen lowercase refusal phrases", () => {
    expect(REFUSAL_PHRASES.length).toBeGreaterThanOrEqual(12);
    for (const phrase of REFUSAL_PHRASES) expect(phrase).toBe(phrase.toLowerCase());
    expect(REFUSAL_PHRASES).toEqual(expect.arrayContaining(["i cannot", "i can't help", "as an ai"]));
  });

  it("counts characters, not UTF-16 units", () => {
    expect(baselineAssertions("😀😀😀")[0]).toEqual({ max_length: 5 });
  });

  it("adds no length limit for an empty completion", () => {
    const assertions = baselineAssertions("");
    expect(assertions.some((a) => "max_length" in a)).toBe(false);
    expect(notContains(assertions)).toEqual(REFUSAL_PHRASES);
  });

  it("leaves out the refusal phrases production itself used, whatever their case or apostrophe", () => {
    const phrases = notContains(baselineAssertions("I’m sorry, but As An AI I cannot share that."));
    expect(phrases).not.toContain("i'm sorry, but");
    expect(phrases).not.toContain("as an ai");
    expect(phrases).not.toContain("i cannot");
    expect(phrases).toContain("i can't help");
    expect(phrases).toHaveLength(REFUSAL_PHRASES.length - 3);
  });

  it("asks for JSON when production answered with a JSON object or array", () => {
    expect(baselineAssertions('{"status": "shipped"}')).toContainEqual({ is_json: true });
    expect(baselineAssertions('[{"id": 1}]\n')).toContainEqual({ is_json: true });
    expect(baselineAssertions('"just a string"')).not.toContainEqual({ is_json: true });
    expect(baselineAssertions("Status: {shipped}")).not.toContainEqual({ is_json: true });
  });
});
