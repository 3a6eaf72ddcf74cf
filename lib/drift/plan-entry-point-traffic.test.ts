import { describe, expect, it } from "vitest";
import type { PathNode } from "../traces/path-node";
import { DEFAULT_DRIFT_SETTINGS } from "./drift-settings";
import {
  planEntryPointTraffic,
  touchedEntryPoints,
  type DriftTrafficSettings,
  type EntryPointTrafficState,
  type EntryTrafficChange,
} from "./plan-entry-point-traffic";

const NOW = 5_000_000;
const KEY = { workspaceId: "ws", entryService: "gateway", entryOperation: "POST /orders" };
const OTHER = { ...KEY, entryOperation: "GET /orders" };

const node = (identifier: string): PathNode => ({ type: "service", identifier, service: identifier });
const path = (...ids: string[]) => [node("gateway"), ...ids.map(node)];

function state(over: Partial<EntryPointTrafficState> = {}): EntryPointTrafficState {
  return { ...KEY, id: "ep", firstTraceMs: 0, lastTraceMs: 0, traceCount: 0, learnedAtMs: null, baseline: [], alertedFingerprints: [], ...over };
}

const added = (fingerprint: string, traceMs: number, p = path(fingerprint), key = KEY) => ({ ...key, fingerprint, path: p, traceMs });
const change = (over: Partial<EntryTrafficChange>): EntryTrafficChange => ({ added: [], removed: [], emptied: [], ...over });
const settings = (s: Partial<DriftTrafficSettings> = {}) => new Map([["ws", { learningMs: 0, learningTraces: 2, confirmMs: 60_000, ...s }]]);

describe("touchedEntryPoints", () => {
  it("lists each entry point once, starting at its earliest added trace, or now when none was added", () => {
    const touched = touchedEntryPoints(change({ added: [added("a", 30), added("b", 10)], removed: [KEY, OTHER], emptied: [{ ...OTHER, fingerprint: "x" }] }), NOW);
    expect(touched).toEqual([
      { ...KEY, firstTraceMs: 10 },
      { ...OTHER, firstTraceMs: NOW },
    ]);
  });

  it("is empty for an empty change", () => {
    expect(touchedEntryPoints(change({}), NOW)).toEqual([]);
  });
});

describe("planEntryPointTraffic: learning window", () => {
  it("learns every variant seen in the window, each once, then ends the window at now", () => {
    const plan = planEntryPointTraffic([state()], change({ added: [added("a", 1), added("a", 2), added("b", 3)] }), NOW, settings({ learningTraces: 2 }));
    // Two traces learn; the third is after the window, so b is a new variant.
    expect(plan.learn).toEqual([{ entryPointId: "ep", fingerprint: "a", path: path("a") }]);
    expect(plan.alerts.map((a) => a.fingerprint)).toEqual(["b"]);
    expect(plan.entryPoints).toEqual([{ id: "ep", traceCount: 3, firstTraceMs: 1, lastTraceMs: 3, learnedAtMs: NOW }]);
  });

  it("learns for the window's time as well as its traces, whichever ends later", () => {
    const plan = planEntryPointTraffic([state({ firstTraceMs: 100, lastTraceMs: 100, traceCount: 5 })], change({ added: [added("a", 150), added("b", 200)] }), NOW, settings({ learningMs: 100, learningTraces: 1 }));
    expect(plan.learn.map((l) => l.fingerprint)).toEqual(["a"]);
    expect(plan.alerts.map((a) => a.fingerprint)).toEqual(["b"]);
  });

  it("judges a round in trace-time order, whatever order the traces came in", () => {
    const plan = planEntryPointTraffic([state()], change({ added: [added("late", 30), added("a", 10), added("a", 20)] }), NOW, settings({ learningTraces: 2 }));
    expect(plan.learn.map((l) => l.fingerprint)).toEqual(["a"]);
    expect(plan.alerts.map((a) => [a.fingerprint, a.detectedTraceMs, a.entryCountAtDetection])).toEqual([["late", 30, 2]]);
  });

  it("keeps a learned entry point learned when late spans lower its count", () => {
    const learned = state({ traceCount: 3, firstTraceMs: 1, lastTraceMs: 3, learnedAtMs: 42, baseline: [{ fingerprint: "a", path: path("a"), source: "learned" }] });
    const plan = planEntryPointTraffic([learned], change({ removed: [KEY, KEY, KEY], added: [added("b", 4)] }), NOW, settings({ learningTraces: 2 }));
    expect(plan.learn).toEqual([]);
    expect(plan.alerts.map((a) => a.fingerprint)).toEqual(["b"]);
    expect(plan.entryPoints).toEqual([{ id: "ep", traceCount: 1, firstTraceMs: 4, lastTraceMs: 4, learnedAtMs: 42 }]);
  });

  it("uses the workspace defaults when the workspace has no settings", () => {
    const traces = Array.from({ length: 101 }, (_, i) => added(i < 100 ? "a" : "b", i));
    const plan = planEntryPointTraffic([state()], change({ added: traces }), NOW, new Map());
    // The default window is 100 traces or a day of trace time, whichever ends later.
    expect(plan.learn.map((l) => l.fingerprint)).toEqual(["a", "b"]);
    const afterADay = planEntryPointTraffic([state({ traceCount: 100, firstTraceMs: 0, lastTraceMs: 99 })], change({ added: [added("c", DEFAULT_DRIFT_SETTINGS.learningMs)] }), NOW, new Map());
    expect(afterADay.alerts).toMatchObject([{ fingerprint: "c", confirmAtMs: NOW + DEFAULT_DRIFT_SETTINGS.confirmMs }]);
  });
});

describe("planEntryPointTraffic: new-variant alerts", () => {
  const learned = (over: Partial<EntryPointTrafficState> = {}) =>
    state({
      traceCount: 10,
      firstTraceMs: 1,
      lastTraceMs: 10,
      learnedAtMs: 11,
      baseline: [
        { fingerprint: "plain", path: path(), source: "learned" },
        { fingerprint: "loyalty", path: path("loyalty"), source: "accepted" },
      ],
      ...over,
    });

  it("raises a pending alert against the closest baseline variant, confirmed after drift_confirm_ms", () => {
    const plan = planEntryPointTraffic([learned()], change({ added: [added("fraud", 20, path("fraud", "loyalty"))] }), NOW, settings({ confirmMs: 30_000 }));
    expect(plan.alerts).toEqual([
      {
        workspaceId: "ws",
        entryPointId: "ep",
        kind: "new_variant",
        state: "pending",
        fingerprint: "fraud",
        path: path("fraud", "loyalty"),
        otherFingerprint: "loyalty",
        otherPath: path("loyalty"),
        detectedAtMs: NOW,
        confirmAtMs: NOW + 30_000,
        updatedAtMs: NOW,
        detectedTraceMs: 20,
        entryCountAtDetection: 10,
      },
    ]);
    expect(plan.learn).toEqual([]);
  });

  it("alerts once per variant: not again in the round, nor when an alert of it exists in any state", () => {
    const plan = planEntryPointTraffic([learned({ alertedFingerprints: ["seen"] })], change({ added: [added("new", 20), added("new", 21), added("seen", 22)] }), NOW, settings());
    expect(plan.alerts.map((a) => a.fingerprint)).toEqual(["new"]);
    expect(plan.entryPoints[0].traceCount).toBe(13);
  });

  it("raises nothing for a baseline variant, learned or accepted", () => {
    const plan = planEntryPointTraffic([learned()], change({ added: [added("plain", 20, path()), added("loyalty", 21, path("loyalty"))] }), NOW, settings());
    expect(plan.alerts).toEqual([]);
    expect(plan.learn).toEqual([]);
  });

  it("breaks a tie between equally close baseline variants by fingerprint", () => {
    const tied = learned({
      baseline: [
        { fingerprint: "z", path: path("x"), source: "learned" },
        { fingerprint: "m", path: path("y"), source: "learned" },
      ],
    });
    const plan = planEntryPointTraffic([tied], change({ added: [added("new", 20, path("w"))] }), NOW, settings());
    expect(plan.alerts[0].otherFingerprint).toBe("m");
  });

  it("compares with nothing when the baseline is empty", () => {
    const plan = planEntryPointTraffic([learned({ baseline: [] })], change({ added: [added("new", 20)] }), NOW, settings());
    expect(plan.alerts[0]).toMatchObject({ otherFingerprint: null, otherPath: [] });
  });
});

describe("planEntryPointTraffic: late spans", () => {
  it("counts removed traces down, never below zero", () => {
    const plan = planEntryPointTraffic([state({ traceCount: 1, firstTraceMs: 5, lastTraceMs: 5 })], change({ removed: [KEY, KEY] }), NOW, settings());
    expect(plan.entryPoints).toEqual([{ id: "ep", traceCount: 0, firstTraceMs: 5, lastTraceMs: 5, learnedAtMs: null }]);
  });

  it("unlearns a learned variant whose flow emptied and withdraws its alerts; an accepted variant stays", () => {
    const s = state({
      traceCount: 4,
      learnedAtMs: 1,
      baseline: [
        { fingerprint: "learned", path: path("l"), source: "learned" },
        { fingerprint: "accepted", path: path("a"), source: "accepted" },
      ],
      alertedFingerprints: ["accepted"],
    });
    const plan = planEntryPointTraffic([s], change({ emptied: [{ ...KEY, fingerprint: "learned" }, { ...KEY, fingerprint: "accepted" }] }), NOW, settings());
    expect(plan.unlearn).toEqual([{ entryPointId: "ep", fingerprint: "learned" }]);
    expect(plan.withdrawAlerts).toEqual([
      { entryPointId: "ep", fingerprint: "learned", states: ["pending", "open", "rare"] },
      { entryPointId: "ep", fingerprint: "accepted", states: ["pending", "open", "rare"] },
    ]);
    // Emptying a flow changes no counter: its traces were counted down as they were removed.
    expect(plan.entryPoints).toEqual([]);
  });

  it("alerts again for a variant whose earlier alert was withdrawn with its emptied flow", () => {
    const s = state({ traceCount: 4, learnedAtMs: 1, alertedFingerprints: ["x"] });
    const plan = planEntryPointTraffic([s], change({ emptied: [{ ...KEY, fingerprint: "x" }], added: [added("x", 9)] }), NOW, settings());
    expect(plan.alerts.map((a) => a.fingerprint)).toEqual(["x"]);
  });

  it("starts an entry point's trace times over when it had no trace left", () => {
    const plan = planEntryPointTraffic([state({ traceCount: 0, firstTraceMs: 1, lastTraceMs: 50, learnedAtMs: 1 })], change({ added: [added("a", 70)] }), NOW, settings());
    expect(plan.entryPoints[0]).toMatchObject({ firstTraceMs: 70, lastTraceMs: 70 });
    const earlier = planEntryPointTraffic([state({ traceCount: 2, firstTraceMs: 10, lastTraceMs: 50, learnedAtMs: 1 })], change({ added: [added("a", 5)] }), NOW, settings());
    expect(earlier.entryPoints[0]).toMatchObject({ firstTraceMs: 5, lastTraceMs: 50 });
  });
});

describe("planEntryPointTraffic: several entry points", () => {
  it("keeps each entry point's counters and settings apart, in the order the states came", () => {
    const plan = planEntryPointTraffic(
      [state({ ...OTHER, id: "other" }), state({ id: "ep" })],
      change({ added: [added("a", 1), added("b", 2, path("b"), OTHER)] }),
      NOW,
      settings({ learningTraces: 1 }),
    );
    expect(plan.learn).toEqual([
      { entryPointId: "ep", fingerprint: "a", path: path("a") },
      { entryPointId: "other", fingerprint: "b", path: path("b") },
    ]);
    expect(plan.entryPoints.map((e) => [e.id, e.traceCount])).toEqual([
      ["other", 1],
      ["ep", 1],
    ]);
  });

  it("refuses a change for an entry point it has no state of", () => {
    expect(() => planEntryPointTraffic([], change({ removed: [KEY] }), NOW, settings())).toThrow(/no state for entry point/);
  });

  it("does not change the states it was given", () => {
    const s = state({ baseline: [{ fingerprint: "l", path: path("l"), source: "learned" }], alertedFingerprints: ["x"] });
    const copy = structuredClone(s);
    planEntryPointTraffic([s], change({ added: [added("a", 1), added("b", 2), added("c", 3)], emptied: [{ ...KEY, fingerprint: "l" }] }), NOW, settings());
    expect(s).toEqual(copy);
  });
});
