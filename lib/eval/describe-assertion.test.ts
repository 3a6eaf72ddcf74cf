import { describe, expect, it } from "vitest";
import { describeAssertion } from "./describe-assertion";

describe("describeAssertion", () => {
  it("reads each kind as written in the file", () => {
    expect(describeAssertion({ max_length: 300 })).toBe("max_length 300");
    expect(describeAssertion({ contains: "Friday" })).toBe('contains "Friday"');
    expect(describeAssertion({ not_contains: "i can't help" })).toBe(`not_contains "i can't help"`);
    expect(describeAssertion({ is_json: true })).toBe("is_json true");
    expect(describeAssertion({ regex: "^\\{", flags: "s" })).toBe("regex /^\\{/s");
    expect(describeAssertion({ llm_judge: "x".repeat(100) })).toBe(`llm_judge "${"x".repeat(59)}…"`);
  });
});
