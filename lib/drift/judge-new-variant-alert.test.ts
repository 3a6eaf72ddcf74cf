import { describe, expect, it } from "vitest";
import { addTracesToHourlyBuckets, emptyHourlyBuckets, HOUR_MS } from "../flows/hourly-buckets";
import { judgeNewVariantAlert, judgeOpenNewVariantAlert, newVariantShare, RARE_WINDOW_MS, type VariantTraffic } from "./judge-new-variant-alert";

const END = 1_000 * HOUR_MS + 10;

/** A flow with `n` traces at each of `atMs`. */
function flow(fingerprint: string, n: number, ...atMs: number[]): VariantTraffic {
  const traces = atMs.flatMap((at) => Array.from({ length: n }, () => ({ durationMs: 5, hasError: false, atMs: at })));
  return { fingerprint, hourly: addTracesToHourlyBuckets(emptyHourlyBuckets(), traces), lastSeenMs: Math.max(...atMs) };
}

describe("judgeNewVariantAlert", () => {
  const main = flow("main", 10, END - HOUR_MS);

  it("opens a due pending alert whose variant carries more than the rare ratio", () => {
    expect(judgeNewVariantAlert({ state: "pending", fingerprint: "new" }, [main, flow("new", 4, END)], 0.2)).toEqual({ kind: "move", to: "open" });
  });

  it("makes a due pending alert rare when its variant is a sliver of the traffic (the ratio itself included)", () => {
    expect(judgeNewVariantAlert({ state: "pending", fingerprint: "new" }, [main, flow("new", 1, END)], 0.2)).toEqual({ kind: "move", to: "rare" });
    expect(judgeNewVariantAlert({ state: "pending", fingerprint: "new" }, [flow("main", 4, END), flow("new", 1, END)], 0.2)).toEqual({ kind: "move", to: "rare" });
  });

  it("opens a rare alert once its variant grew, and leaves it rare until then", () => {
    expect(judgeNewVariantAlert({ state: "rare", fingerprint: "new" }, [main, flow("new", 1, END)], 0.2)).toEqual({ kind: "stay" });
    expect(judgeNewVariantAlert({ state: "rare", fingerprint: "new" }, [main, flow("new", 4, END)], 0.2)).toEqual({ kind: "move", to: "open" });
  });

  it("withdraws the alert when its variant has no trace left", () => {
    expect(judgeNewVariantAlert({ state: "pending", fingerprint: "new" }, [main], 0.2)).toEqual({ kind: "withdraw" });
    expect(judgeNewVariantAlert({ state: "rare", fingerprint: "new" }, [], 0.2)).toEqual({ kind: "withdraw" });
  });

  it("measures the share from a window before the variant's latest trace on, not before today", () => {
    // Replayed traffic of long ago: judged against the entry point's traffic of its own time.
    const replayed = flow("new", 3, END);
    expect(newVariantShare(replayed, [flow("main", 3, END), replayed])).toBe(0.5);
    // Traffic older than the window does not count, traffic since does.
    const old = flow("main", 1_000, END - 3 * RARE_WINDOW_MS);
    expect(newVariantShare(replayed, [old, replayed])).toBe(1);
    const since = flow("main", 9, END + 10 * RARE_WINDOW_MS);
    expect(newVariantShare(replayed, [old, since, replayed])).toBe(0.25);
    expect(judgeNewVariantAlert({ state: "pending", fingerprint: "new" }, [old, since, replayed], 0.25)).toEqual({ kind: "move", to: "rare" });
  });
});

describe("judgeOpenNewVariantAlert", () => {
  it("keeps an open alert while its variant has traces and withdraws it when none is left", () => {
    expect(judgeOpenNewVariantAlert(true)).toEqual({ kind: "stay" });
    expect(judgeOpenNewVariantAlert(false)).toEqual({ kind: "withdraw" });
  });
});
