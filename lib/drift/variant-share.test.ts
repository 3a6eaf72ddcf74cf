import { describe, expect, it } from "vitest";
import { addTracesToHourlyBuckets, emptyHourlyBuckets, HOUR_MS } from "../flows/hourly-buckets";
import { isRareShare, variantShareInWindow } from "./variant-share";

const traces = (n: number, atMs: number) => Array.from({ length: n }, () => ({ durationMs: 10, hasError: false, atMs }));
const DAY = 24 * HOUR_MS;

describe("variantShareInWindow", () => {
  const end = 100 * HOUR_MS + 10;
  it("counts the variant against every flow of the entry point in the window", () => {
    const variant = addTracesToHourlyBuckets(emptyHourlyBuckets(), traces(1, end));
    const main = addTracesToHourlyBuckets(emptyHourlyBuckets(), traces(9_999, end - HOUR_MS));
    const result = variantShareInWindow(variant, [variant, main], end, DAY);
    expect(result).toEqual({ variantTraces: 1, entryTraces: 10_000, share: 0.0001 });
    expect(isRareShare(result.share, 0.0001)).toBe(true);
    expect(isRareShare(2 / 10_000, 0.0001)).toBe(false);
  });

  it("leaves out traffic older than the window", () => {
    const variant = addTracesToHourlyBuckets(emptyHourlyBuckets(), traces(5, end));
    const old = addTracesToHourlyBuckets(emptyHourlyBuckets(), traces(1_000, end - 3 * DAY));
    expect(variantShareInWindow(variant, [variant, old], end, DAY)).toEqual({ variantTraces: 5, entryTraces: 5, share: 1 });
  });

  it("is 0 for an entry point without traffic in the window", () => {
    expect(variantShareInWindow(emptyHourlyBuckets(), [emptyHourlyBuckets()], end, DAY).share).toBe(0);
  });
});
