import { describe, expect, it } from "vitest";
import { checkAssertion, type LocalAssertion } from "./check-assertion";

const status = (assertion: LocalAssertion, output: string) => checkAssertion(assertion, output).status;

describe("checkAssertion", () => {
  it("max_length counts characters and allows exactly the limit", () => {
    expect(status({ type: "max_length", value: 5 }, "12345")).toBe("passed");
    expect(status({ type: "max_length", value: 5 }, "😀😀😀😀😀")).toBe("passed");
    const failed = checkAssertion({ type: "max_length", value: 5 }, "123456");
    expect(failed).toMatchObject({ status: "failed", label: "max_length 5", expected: "at most 5 characters", actual: '6 characters: "123456"' });
  });

  it("contains is case-sensitive, as promptfoo's is", () => {
    expect(status({ type: "contains", value: "Friday" }, "It arrives Friday.")).toBe("passed");
    expect(status({ type: "contains", value: "friday" }, "It arrives Friday.")).toBe("failed");
    expect(status({ type: "contains", value: "can't" }, "I can’t say")).toBe("failed");
    expect(checkAssertion({ type: "contains", value: "Friday" }, "It arrives Monday.")).toMatchObject({
      status: "failed",
      label: 'contains "Friday"',
      expected: 'contains "Friday" (case-sensitive)',
      actual: 'not found in "It arrives Monday."',
    });
  });

  it("not_contains is contains inverted, case and all", () => {
    expect(status({ type: "not_contains", value: "i cannot" }, "I cannot share that.")).toBe("passed");
    const failed = checkAssertion({ type: "not_contains", value: "I cannot" }, "Sorry. I cannot share order details.");
    expect(failed).toMatchObject({ status: "failed", label: 'not_contains "I cannot"', expected: 'does not contain "I cannot" (case-sensitive)', actual: 'found: "Sorry. I cannot share order details."' });
  });

  it("icontains ignores case, and apostrophe style as well", () => {
    expect(status({ type: "icontains", value: "Arrives Friday" }, "It arrives friday.")).toBe("passed");
    expect(status({ type: "icontains", value: "can't" }, "I CAN’T say")).toBe("passed");
    expect(checkAssertion({ type: "icontains", value: "Friday" }, "It arrives Monday.")).toMatchObject({ status: "failed", expected: 'contains "Friday" (ignoring case)' });
  });

  it("not_icontains fails with where the phrase was found, whatever its case", () => {
    expect(status({ type: "not_icontains", value: "i cannot" }, "Here is your order.")).toBe("passed");
    const failed = checkAssertion({ type: "not_icontains", value: "i cannot" }, "Sorry. I CANNOT share order details.");
    expect(failed).toMatchObject({ status: "failed", label: 'not_icontains "i cannot"', expected: 'does not contain "i cannot" (ignoring case)', actual: 'found: "Sorry. I CANNOT share order details."' });
  });

  it("equals and not_equals compare the whole output exactly, whitespace and case included", () => {
    expect(status({ type: "equals", value: "Yes" }, "Yes")).toBe("passed");
    expect(status({ type: "equals", value: "Yes" }, "Yes\n")).toBe("failed");
    expect(status({ type: "equals", value: "Yes" }, "yes")).toBe("failed");
    expect(status({ type: "equals", value: "" }, "")).toBe("passed");
    expect(checkAssertion({ type: "equals", value: "Yes" }, "No")).toMatchObject({ expected: 'exactly "Yes"', actual: '2 characters: "No"' });
    expect(status({ type: "not_equals", value: "Yes" }, "No")).toBe("passed");
    expect(checkAssertion({ type: "not_equals", value: "Yes" }, "Yes")).toMatchObject({ status: "failed", expected: 'anything but exactly "Yes"', actual: 'exactly that: "Yes"' });
  });

  it("starts_with and not_starts_with look at the very start, case-sensitively", () => {
    expect(status({ type: "starts_with", value: "Order" }, "Order A-1042 shipped")).toBe("passed");
    expect(status({ type: "starts_with", value: "order" }, "Order A-1042 shipped")).toBe("failed");
    expect(status({ type: "starts_with", value: "Order" }, " Order A-1042")).toBe("failed");
    expect(checkAssertion({ type: "not_starts_with", value: "Sorry" }, "Sorry, no.")).toMatchObject({ status: "failed", expected: 'does not start with "Sorry"' });
  });

  it("is_json passes any JSON value, as JSON.parse (and promptfoo) takes it; false wants anything else", () => {
    for (const json of ['{"a": 1}', "[1, 2]", "42", '"text"', "null", "true", ' {"a": 1} \n']) expect(status({ type: "is_json", value: true }, json), json).toBe("passed");
    expect(checkAssertion({ type: "is_json", value: true }, "42")).toMatchObject({ expected: "valid JSON (any JSON value)", actual: 'a JSON number: "42"' });
    const prose = checkAssertion({ type: "is_json", value: true }, 'Sure! {"a": 1}');
    expect(prose.status).toBe("failed");
    expect(prose.actual).toMatch(/^not JSON \(.+\): "Sure! \{\\"a\\": 1\}"$/);
    expect(status({ type: "is_json", value: true }, "")).toBe("failed");
    expect(status({ type: "is_json", value: false }, "plain text")).toBe("passed");
    expect(checkAssertion({ type: "is_json", value: false }, "[]")).toMatchObject({ status: "failed", label: "is_json false", expected: "not valid JSON", actual: 'a JSON array: "[]"' });
  });

  it("contains_json finds a JSON object inside prose; false wants none", () => {
    expect(checkAssertion({ type: "contains_json", value: true }, 'Sure! {"a": {"b": "}"}} Anything else?')).toMatchObject({ status: "passed", actual: 'found: "Sure! {\\"a\\": {\\"b\\": \\"}\\"}} Anything else?"' });
    expect(status({ type: "contains_json", value: true }, "Status: {shipped}, then {\"ok\": true}")).toBe("passed");
    expect(status({ type: "contains_json", value: true }, "[1, 2]")).toBe("failed");
    expect(status({ type: "contains_json", value: true }, "{unclosed")).toBe("failed");
    expect(checkAssertion({ type: "contains_json", value: false }, 'x {"a": 1}')).toMatchObject({ status: "failed", label: "contains_json false", expected: "no JSON object anywhere in the output" });
  });

  it("regex matches with flags and reports the match; not_regex inverts", () => {
    expect(status({ type: "regex", value: "^order a-\\d+" }, "Order A-1042 shipped")).toBe("failed");
    expect(checkAssertion({ type: "regex", value: "^order a-\\d+", flags: "i" }, "Order A-1042 shipped")).toMatchObject({ status: "passed", label: "regex /^order a-\\d+/i", actual: 'matched: "Order A-1042 shipped"' });
    expect(status({ type: "regex", value: "shipped.arrives", flags: "s" }, "shipped\narrives")).toBe("passed");
    expect(checkAssertion({ type: "not_regex", value: "\\bsorry\\b", flags: "i" }, "Sorry, no.")).toMatchObject({ status: "failed", label: "not_regex /\\bsorry\\b/i", expected: "does not match /\\bsorry\\b/i" });
    expect(status({ type: "not_regex", value: "\\bsorry\\b" }, "All good.")).toBe("passed");
  });

  it("a g flag does not carry state from one check to the next", () => {
    const assertion = { type: "regex", value: "a", flags: "g" } as const;
    expect([status(assertion, "a"), status(assertion, "a")]).toEqual(["passed", "passed"]);
  });
});
