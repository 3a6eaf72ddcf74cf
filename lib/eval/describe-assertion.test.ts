import { describe, expect, it } from "vitest";
import { describeAssertion } from "./describe-assertion";

describe("describeAssertion", () => {
  it("reads each type as the file writes it, then its value", () => {
    expect(describeAssertion({ type: "max_length", value: 300 })).toBe("max_length 300");
    expect(describeAssertion({ type: "contains", value: "Friday" })).toBe('contains "Friday"');
    expect(describeAssertion({ type: "not_icontains", value: "i can't help" })).toBe(`not_icontains "i can't help"`);
    expect(describeAssertion({ type: "is_json", value: true })).toBe("is_json true");
    expect(describeAssertion({ type: "contains_json", value: false })).toBe("contains_json false");
    expect(describeAssertion({ type: "regex", value: "^\\{", flags: "s" })).toBe("regex /^\\{/s");
    expect(describeAssertion({ type: "not_regex", value: "sorry" })).toBe("not_regex /sorry/");
    expect(describeAssertion({ type: "llm_judge", value: "x".repeat(100) })).toBe(`llm_judge "${"x".repeat(59)}…"`);
  });
});
