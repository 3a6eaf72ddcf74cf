import { describe, expect, it } from "vitest";
import { isTraceInProgress } from "./trace-progress";

describe("isTraceInProgress", () => {
  it("is a trace whose root span has not arrived while spans may still come", () => {
    expect(isTraceInProgress({ rootService: "", state: "open" })).toBe(true);
    expect(isTraceInProgress({ rootService: "", state: "processing" })).toBe(true);
  });
  it("is not a trace with its root, nor a completed one whose root never came", () => {
    expect(isTraceInProgress({ rootService: "checkout", state: "open" })).toBe(false);
    expect(isTraceInProgress({ rootService: "", state: "complete" })).toBe(false);
  });
});
