import { describe, expect, it } from "vitest";
import { judgeMessages, parseJudgeVerdict } from "./judge-verdict";

describe("judgeMessages", () => {
  it("asks for PASS or FAIL on the criterion, with the input, reference and output", () => {
    const [system, user] = judgeMessages({ criterion: "Mentions the date", input: "When?", output: "Friday.", reference: "On Friday." });
    expect(system.role).toBe("system");
    expect(system.content).toContain("PASS or FAIL on the first line");
    expect(user).toEqual({
      role: "user",
      content: "Criterion:\nMentions the date\n\nInput:\nWhen?\n\nReference output (what production answered):\nOn Friday.\n\nOutput to grade:\nFriday.",
    });
    expect(judgeMessages({ criterion: "c", input: "i", output: "o" })[1].content).not.toContain("Reference output");
  });
});

describe("parseJudgeVerdict", () => {
  it("reads the verdict and the reason after it", () => {
    expect(parseJudgeVerdict("PASS\nThe output names Friday.")).toEqual({ verdict: "pass", reason: "The output names Friday." });
    expect(parseJudgeVerdict("FAIL: it never gives a date")).toEqual({ verdict: "fail", reason: "it never gives a date" });
  });

  it("reads decorated verdicts", () => {
    expect(parseJudgeVerdict("**Verdict: PASS** - polite and correct").verdict).toBe("pass");
    expect(parseJudgeVerdict("Let me check.\n\nfail.\nToo long.")).toEqual({ verdict: "fail", reason: "Too long." });
    expect(parseJudgeVerdict("PASS").reason).toBe("(no reason given)");
  });

  it("gives no verdict when there is none", () => {
    const verdict = parseJudgeVerdict("The output is passable, I think.");
    expect(verdict.verdict).toBeNull();
    expect(verdict.reason).toBe('the judge gave no PASS/FAIL verdict: "The output is passable, I think."');
    expect(parseJudgeVerdict("Passing grade").verdict).toBeNull();
  });
});
