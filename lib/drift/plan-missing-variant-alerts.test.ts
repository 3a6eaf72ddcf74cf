import { describe, expect, it } from "vitest";
import type { PathNode } from "../traces/path-node";
import { tracesNeededToCallMissing } from "./missing-variants";
import {
  isMissingCheckDue,
  MISSING_COUNT_BOUND,
  missingVariantAlert,
  planMissingVariantCheck,
  successorOf,
  type EntryPointVariant,
  type MissingCheckEntryPoint,
} from "./plan-missing-variant-alerts";

const NOW = 9_000_000;
const node = (identifier: string): PathNode => ({ type: "service", identifier, service: identifier });
const variant = (fingerprint: string, occurrenceCount: number, lastSeenMs: number, ...calls: string[]): EntryPointVariant => ({
  fingerprint,
  path: [node("gateway"), ...calls.map(node)],
  occurrenceCount,
  lastSeenMs,
});

// Ten gold orders calling loyalty, then only plain ones for a while.
const loyalty = variant("loyalty", 10, 9_000, "loyalty");
const plain = variant("plain", 22, 44_000);
const ep: MissingCheckEntryPoint = { id: "ep", workspaceId: "ws", traceCount: 32, lastTraceMs: 44_000, missingCheckedMs: 0, baselineFingerprints: ["loyalty", "plain"] };

describe("isMissingCheckDue", () => {
  it("looks again only when the entry point has a trace newer than the last look", () => {
    expect(isMissingCheckDue({ lastTraceMs: 44_000, missingCheckedMs: 0 })).toBe(true);
    expect(isMissingCheckDue({ lastTraceMs: 44_000, missingCheckedMs: 44_000 })).toBe(false);
  });
});

describe("planMissingVariantCheck", () => {
  it("names a common baseline variant unseen for drift_missing_ms as a candidate, with how far to count", () => {
    const { withdraw, candidates } = planMissingVariantCheck(ep, [loyalty, plain], [], 5_000);
    expect(withdraw).toEqual([]);
    expect(candidates).toEqual([{ fingerprint: "loyalty", share: 10 / 32, lastSeenMs: 9_000, tracesNeeded: tracesNeededToCallMissing(10 / 32), countUpTo: MISSING_COUNT_BOUND }]);
  });

  it("raises nothing for a variant that has a missing alert in any state, or is not in the baseline", () => {
    const alerts = [{ id: "a1", fingerprint: "loyalty", state: "dismissed", detectedTraceMs: 9_000 }];
    expect(planMissingVariantCheck(ep, [loyalty, plain], alerts, 5_000)).toEqual({ withdraw: [], candidates: [] });
    expect(planMissingVariantCheck({ ...ep, baselineFingerprints: ["plain"] }, [loyalty, plain], [], 5_000).candidates).toEqual([]);
  });

  it("leaves out baseline variants without a flow (no traces left)", () => {
    expect(planMissingVariantCheck(ep, [plain], [], 5_000).candidates).toEqual([]);
  });

  it("withdraws an open alert whose variant came back, and only an open one", () => {
    const back = variant("loyalty", 11, 50_000, "loyalty");
    const alerts = [
      { id: "open", fingerprint: "loyalty", state: "open", detectedTraceMs: 9_000 },
      { id: "accepted", fingerprint: "plain", state: "accepted", detectedTraceMs: 1_000 },
    ];
    const check = planMissingVariantCheck({ ...ep, lastTraceMs: 50_000 }, [back, plain], alerts, 5_000);
    expect(check.withdraw).toEqual(["open"]);
    // Not alerted again in the same look: its alert is only now being withdrawn.
    expect(check.candidates).toEqual([]);
  });

  it("keeps an open alert while the variant has not been seen since it was raised", () => {
    const alerts = [{ id: "open", fingerprint: "loyalty", state: "open", detectedTraceMs: 9_000 }];
    expect(planMissingVariantCheck(ep, [loyalty, plain], alerts, 5_000).withdraw).toEqual([]);
  });
});

describe("successorOf", () => {
  it("is the busiest variant seen since the missing one was last seen, ties by fingerprint", () => {
    const flows = [loyalty, variant("b", 5, 20_000, "b"), variant("a", 5, 30_000, "a"), variant("old", 99, 8_000, "old")];
    expect(successorOf(flows, loyalty)?.fingerprint).toBe("a");
    expect(successorOf([loyalty, variant("old", 99, 8_000)], loyalty)).toBeUndefined();
  });
});

describe("missingVariantAlert", () => {
  const [candidate] = planMissingVariantCheck(ep, [loyalty, plain], [], 5_000).candidates;

  it("waits until enough of the entry point's traces arrived without the variant", () => {
    expect(missingVariantAlert(ep, [loyalty, plain], candidate, candidate.tracesNeeded - 1, NOW)).toBeNull();
  });

  it("opens the alert against the variant the traffic went to, counting occurrences from the variant's last trace", () => {
    expect(missingVariantAlert(ep, [loyalty, plain], candidate, 22, NOW)).toEqual({
      workspaceId: "ws",
      entryPointId: "ep",
      kind: "variant_missing",
      state: "open",
      fingerprint: "loyalty",
      path: loyalty.path,
      otherFingerprint: "plain",
      otherPath: plain.path,
      detectedAtMs: NOW,
      confirmAtMs: NOW,
      updatedAtMs: NOW,
      detectedTraceMs: 9_000,
      entryCountAtDetection: 10,
    });
  });

  it("compares with nothing when no variant was seen since", () => {
    const alone = missingVariantAlert({ ...ep, traceCount: 5 }, [loyalty], { ...candidate, tracesNeeded: 1 }, 40, NOW);
    expect(alone).toMatchObject({ otherFingerprint: null, otherPath: [], entryCountAtDetection: 0 });
  });
});
