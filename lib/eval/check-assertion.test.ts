import { describe, expect, it } from "vitest";
import { checkAssertion } from "./check-assertion";

const status = (assertion: Parameters<typeof checkAssertion>[0], output: string) => checkAssertion(assertion, output).status;

describe("checkAssertion", () => {
  it("max_length counts characters and allows exactly the limit", () => {
    expect(status({ max_length: 5 }, "12345")).toBe("passed");
    expect(status({ max_length: 5 }, "😀😀😀😀😀")).toBe("passed");
    const failed = checkAssertion({ max_length: 5 }, "123456");
    expect(failed).toMatchObject({ status: "failed", label: "max_length 5", expected: "at most 5 characters", actual: '6 characters: "123456"' });
  });

  it("contains ignores case and apostrophe style", () => {
    expect(status({ contains: "Arrives Friday" }, "It arrives friday.")).toBe("passed");
    expect(status({ contains: "can't" }, "I can’t say")).toBe("passed");
    expect(checkAssertion({ contains: "Friday" }, "It arrives Monday.")).toMatchObject({ status: "failed", expected: 'contains "Friday" (ignoring case)', actual: 'not found in "It arrives Monday."' });
  });

  it("not_contains fails with where the phrase was found", () => {
    expect(status({ not_contains: "i cannot" }, "Here is your order.")).toBe("passed");
    const failed = checkAssertion({ not_contains: "i cannot" }, "Sorry. I CANNOT share order details.");
    expect(failed).toMatchObject({ status: "failed", label: 'not_contains "i cannot"', actual: 'found: "Sorry. I CANNOT share order details."' });
  });

  it("is_json true wants an object or array; false wants anything else", () => {
    expect(status({ is_json: true }, '{"a": 1}')).toBe("passed");
    expect(status({ is_json: true }, "[1, 2]")).toBe("passed");
    expect(status({ is_json: true }, "42")).toBe("failed");
    const prose = checkAssertion({ is_json: true }, "Sure! {\"a\": 1}");
    expect(prose.status).toBe("failed");
    expect(prose.actual).toMatch(/^not JSON \(.+\): "Sure! \{\\"a\\": 1\}"$/);
    expect(status({ is_json: false }, "plain text")).toBe("passed");
    expect(checkAssertion({ is_json: false }, "[]")).toMatchObject({ status: "failed", expected: "not a JSON object or array", actual: 'a JSON array: "[]"' });
  });

  it("regex matches with flags and reports the match", () => {
    expect(status({ regex: "^order a-\\d+" }, "Order A-1042 shipped")).toBe("failed");
    expect(checkAssertion({ regex: "^order a-\\d+", flags: "i" }, "Order A-1042 shipped")).toMatchObject({ status: "passed", label: "regex /^order a-\\d+/i", actual: 'matched: "Order A-1042 shipped"' });
    expect(status({ regex: "shipped.arrives", flags: "s" }, "shipped\narrives")).toBe("passed");
  });

  it("a g flag does not carry state from one check to the next", () => {
    const assertion = { regex: "a", flags: "g" };
    expect([status(assertion, "a"), status(assertion, "a")]).toEqual(["passed", "passed"]);
  });
});
