import { describe, expect, it } from "vitest";
import { onlyTrace } from "../otlp/testing/read-corpus-traces";
import { buildSpanTree } from "../traces/build-span-tree";
import type { DiagnosisSpan } from "./diagnosis-span";
import { criticalPathSelfTimeNs, findCriticalPath } from "./find-critical-path";
import { makeDiagnosisSpan as span } from "./testing/make-diagnosis-span";

const MS = 1_000_000;

/** Sections as `spanId start-end` in milliseconds, easy to read against the trees below. */
function pathOf(spans: DiagnosisSpan[]): string[] {
  return findCriticalPath(buildSpanTree(spans)).map((s) => `${s.spanId} ${Number(s.startNs) / MS}-${Number(s.endNs) / MS}`);
}

describe("findCriticalPath", () => {
  it("runs through sequential children, back to back or with gaps", () => {
    expect(
      pathOf([
        span({ spanId: "root", startMs: 0, endMs: 100 }),
        span({ spanId: "a", parentSpanId: "root", startMs: 10, endMs: 40 }),
        span({ spanId: "b", parentSpanId: "root", startMs: 40, endMs: 70 }),
        span({ spanId: "c", parentSpanId: "root", startMs: 80, endMs: 90 }),
      ]),
    ).toEqual(["root 0-10", "a 10-40", "b 40-70", "root 70-80", "c 80-90", "root 90-100"]);
  });

  it("of overlapping children follows the one that finished last, then what finished before it started", () => {
    expect(
      pathOf([
        span({ spanId: "root", startMs: 0, endMs: 100 }),
        span({ spanId: "early", parentSpanId: "root", startMs: 5, endMs: 20 }),
        span({ spanId: "short", parentSpanId: "root", startMs: 30, endMs: 50 }),
        span({ spanId: "long", parentSpanId: "root", startMs: 25, endMs: 90 }),
        span({ spanId: "inner", parentSpanId: "long", startMs: 30, endMs: 60 }),
      ]),
    ).toEqual(["root 0-5", "early 5-20", "root 20-25", "long 25-30", "inner 30-60", "long 60-90", "root 90-100"]);
  });

  it("clips a child that outlives its parent, and leaves out one that started after the parent ended", () => {
    expect(
      pathOf([
        span({ spanId: "root", startMs: 0, endMs: 100 }),
        span({ spanId: "call", parentSpanId: "root", startMs: 10, endMs: 60 }),
        span({ spanId: "late", parentSpanId: "call", startMs: 50, endMs: 80 }),
        // Async work the root started and did not wait for, with a child of its own.
        span({ spanId: "async", parentSpanId: "root", startMs: 120, endMs: 150 }),
        span({ spanId: "async-child", parentSpanId: "async", startMs: 125, endMs: 130 }),
      ]),
    ).toEqual(["root 0-10", "call 10-50", "late 50-60", "root 60-100"]);
  });

  it("of two children ending together follows the longer one", () => {
    expect(
      pathOf([
        span({ spanId: "root", startMs: 0, endMs: 50 }),
        span({ spanId: "x", parentSpanId: "root", startMs: 20, endMs: 40 }),
        span({ spanId: "y", parentSpanId: "root", startMs: 10, endMs: 40 }),
      ]),
    ).toEqual(["root 0-10", "y 10-40", "root 40-50"]);
  });

  it("is the root alone without children, and empty for an empty tree", () => {
    expect(pathOf([span({ spanId: "root", startMs: 0, endMs: 7 })])).toEqual(["root 0-7"]);
    expect(findCriticalPath(buildSpanTree([]))).toEqual([]);
  });

  it("walks a chain 10,000 deep without overflowing the stack", () => {
    const spans = Array.from({ length: 10_000 }, (_, i) => span({ spanId: `s${i}`, parentSpanId: i === 0 ? "" : `s${i - 1}`, startMs: i * 0.001, endMs: 100 - i * 0.001 }));
    const sections = findCriticalPath(buildSpanTree(spans));
    expect(sections.length).toBe(2 * 10_000 - 1);
    expect(sections[0].startNs).toBe(0n);
    expect(sections[sections.length - 1].endNs).toBe(BigInt(100 * MS));
  });

  it("sums each span's sections into its time on the path", () => {
    const sections = findCriticalPath(
      buildSpanTree([
        span({ spanId: "root", startMs: 0, endMs: 100 }),
        span({ spanId: "a", parentSpanId: "root", startMs: 10, endMs: 40 }),
        span({ spanId: "b", parentSpanId: "root", startMs: 50, endMs: 60 }),
      ]),
    );
    expect(Object.fromEntries(criticalPathSelfTimeNs(sections))).toEqual({ root: 60 * MS, a: 30 * MS, b: 10 * MS });
  });

  it("on a real trace: disjoint sections, sorted, covering exactly the root's window", () => {
    // HotROD's dispatch at -W 3 (tests/fixtures/corpora): concurrent route calls under the root.
    const tree = buildSpanTree(onlyTrace("n_plus_one_full_concurrent", "1a4e4a7b270e9f2a0f716e3ee115218a"));
    const sections = findCriticalPath(tree);
    const root = tree.root!.span;
    expect(sections[0].startNs).toBe(root.startNs);
    expect(sections[sections.length - 1].endNs).toBe(root.endNs);
    for (let i = 1; i < sections.length; i++) expect(sections[i].startNs).toBe(sections[i - 1].endNs);
    for (const section of sections) expect(section.endNs).toBeGreaterThan(section.startNs);
    const total = [...criticalPathSelfTimeNs(sections).values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(Number(root.endNs - root.startNs));
    // The customer lookup and the driver search run one after the other before the route fan-out:
    // both are on the path, and so is the database query the customer service waited on.
    const onPath = new Set(sections.map((s) => `${s.service} ${s.operation}`));
    expect(onPath).toContain("mysql SQL SELECT");
    expect(onPath).toContain("driver driver.DriverService/FindNearest");
    expect(onPath).toContain("route GET /route");
  });
});
