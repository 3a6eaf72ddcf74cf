import { describe, expect, it } from "vitest";
import { ANSI } from "../runner/format-report";
import { formatCaseResult } from "./format-eval-report";
import { failedCase, inconclusiveCase, passedCase } from "./eval-results.fixture";

describe("formatCaseResult", () => {
  it("puts a passed case on one line with latency and tokens", () => {
    expect(formatCaseResult(passedCase)).toBe("✓ case-1 passed in 830 ms  model 812 ms, 42 → 5 tokens");
  });

  it("lists each failing assertion with expected and actual, and what could not be judged", () => {
    expect(formatCaseResult(failedCase).split("\n")).toEqual([
      "✗ case-2 failed in 1.50 s  model 1.20 s, 30 → ? tokens",
      "  - max_length 10",
      "      expected: at most 10 characters",
      '      actual:   28 characters: "I cannot <share> that & more"',
      '  - not_icontains "i cannot"',
      '      expected: does not contain "i cannot" (ignoring case)',
      '      actual:   found: "I cannot <share> that & more"',
      '  ? llm_judge "polite": no judge model configured',
    ]);
  });

  it("gives the reason an inconclusive case was not judged", () => {
    expect(formatCaseResult(inconclusiveCase)).toBe('? case-3 inconclusive in 4.00 ms\n  - the responses file has no output for case "case-3"');
  });

  it("colors by status when asked", () => {
    expect(formatCaseResult(passedCase, ANSI)).toContain("\u001b[32m✓\u001b[39m");
    expect(formatCaseResult(failedCase, ANSI)).toContain("\u001b[31mfailed\u001b[39m");
  });
});
