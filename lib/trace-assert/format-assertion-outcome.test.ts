import { describe, expect, it } from "vitest";
import { evaluateAssertion } from "./evaluate-assertion";
import { formatAssertionOutcome } from "./format-assertion-outcome";
import { checkoutTraceSpans } from "./testing/checkout-trace";
import { buildTraceContext } from "./trace-context";

describe("formatAssertionOutcome", () => {
  const trace = buildTraceContext(checkoutTraceSpans());

  it("writes one line per outcome", () => {
    expect(formatAssertionOutcome(evaluateAssertion("trace.duration_ms < 5000", trace))).toBe("passed");
    expect(formatAssertionOutcome(evaluateAssertion("trace.duration_ms < 100", trace))).toBe(
      "failed: trace.duration_ms < 100 was 120 < 100",
    );
    expect(formatAssertionOutcome(evaluateAssertion("trace.duration_ms <", trace))).toBe(
      "inconclusive: syntax error at line 1, column 20: expected a value, found the end of the expression",
    );
  });
});
