import { describe, expect, it } from "vitest";
import { usageBucketMs } from "./usage-bucket";

describe("usageBucketMs", () => {
  it("picks round widths with at most 48 buckets", () => {
    expect(usageBucketMs(3_600_000)).toBe(300_000);
    expect(usageBucketMs(86_400_000)).toBe(1_800_000);
    expect(usageBucketMs(7 * 86_400_000)).toBe(21_600_000);
    expect(usageBucketMs(60_000)).toBe(60_000);
    expect(usageBucketMs(365 * 86_400_000)).toBe(8 * 86_400_000);
  });
});
