// The single-trace diagnoses against the adversarial fixtures of Jaeger's MCP skills
// (tests/fixtures/corpora/otlp): each trace's `.manifest.json` records the answer a correct
// procedure reaches and why the naive one fails. The expectations are read from the manifests,
// not produced by the code under test.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS_DIR, tracesOf } from "../otlp/testing/read-corpus-traces";
import { buildSpanTree } from "../traces/build-span-tree";
import type { SpanTree } from "../traces/span-tree";
import type { DiagnosisSpan } from "./diagnosis-span";
import { buildErrorChain } from "./build-error-chain";
import { countOverlappingPairs, findCallPatterns } from "./find-call-patterns";
import { findErrorOrigins } from "./find-error-origins";

interface ErrorRootCauseManifest {
  skill: "error-root-cause";
  trace_id: string;
  expected: {
    locus_span_id: string;
    locus_service: string;
    locus_operation: string;
    locus_duration_ms?: number;
    locus_start_offset_ms?: number;
    mechanism_determinable_from_trace: boolean;
    mechanism?: string;
  };
  naive_answer: { deepest_errored_span_id?: string };
}

interface NPlusOneManifest {
  skill: "detect-n-plus-one";
  trace_id: string;
  pattern_present: boolean;
  expected: { parent_span_id: string; service: string; operation: string; siblings: number; overlapping_pairs: number; wall_ms: number; sum_of_durations_ms: number };
}

type Manifest = (ErrorRootCauseManifest | NPlusOneManifest) & { fixture: string };

const MS = 1_000_000;
const manifests = fs
  .readdirSync(CORPUS_DIR)
  .filter((file) => file.endsWith(".manifest.json"))
  .sort()
  .map((file) => ({ file, manifest: JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, file), "utf8")) as Manifest }));

function treeOf(file: string, traceId: string): SpanTree<DiagnosisSpan> {
  const spans = tracesOf(file.replace(/\.manifest\.json$/, ".json")).get(traceId);
  if (!spans) throw new Error(`${file}: no trace ${traceId}`);
  return buildSpanTree(spans);
}

describe("the skills fixtures' manifests", () => {
  it("are all here: two error-root-cause and four detect-n-plus-one", () => {
    expect(manifests.map(({ manifest }) => `${manifest.skill} ${manifest.fixture}`)).toEqual([
      "error-root-cause error-timeout-masked",
      "detect-n-plus-one n-plus-one-full-concurrent",
      "detect-n-plus-one n-plus-one-full-serial",
      "detect-n-plus-one n-plus-one-near-miss",
      "detect-n-plus-one n-plus-one-positive",
      "error-root-cause sibling-errors",
    ]);
  });
});

describe.each(manifests.filter(({ manifest }) => manifest.skill === "error-root-cause"))("error origins of $manifest.fixture", ({ file, manifest }) => {
  const { expected } = manifest as ErrorRootCauseManifest;
  const tree = treeOf(file, manifest.trace_id);
  const origins = findErrorOrigins(tree);

  it("names the manifest's locus as the cause, first in the list", () => {
    const cause = origins[0];
    expect(cause).toMatchObject({ spanId: expected.locus_span_id, service: expected.locus_service, operation: expected.locus_operation, role: "cause" });
    expect(origins.filter((o) => o.role === "cause")).toHaveLength(1);
    if (expected.locus_duration_ms !== undefined) expect(Math.round(cause.durationNs / MS)).toBe(expected.locus_duration_ms);
    if (expected.locus_start_offset_ms !== undefined) expect(Number(cause.startNs - tree.root!.span.startNs) / MS).toBe(expected.locus_start_offset_ms);
    if (expected.mechanism_determinable_from_trace) expect(cause.statusMessage).toBe(expected.mechanism);
  });

  it("chains the locus up to the root", () => {
    const chain = buildErrorChain(tree, expected.locus_span_id);
    expect(chain[0].spanId).toBe(expected.locus_span_id);
    expect(chain[chain.length - 1].spanId).toBe(tree.root!.span.spanId);
  });
});

describe("error origins beyond the locus", () => {
  it("error_timeout_masked: the proxy that gave up is not an origin; the OK span that used its 15 s budget is", () => {
    const { file, manifest } = manifests.find((m) => m.manifest.fixture === "error-timeout-masked")!;
    const tree = treeOf(file, manifest.trace_id);
    const [origin, ...others] = findErrorOrigins(tree);
    expect(others).toEqual([]);
    expect(origin).toMatchObject({ reason: "timeout_masked", maskedBySpanId: (manifest as ErrorRootCauseManifest).naive_answer.deepest_errored_span_id });
    expect(tree.byId.get(origin.spanId)!.span.status).not.toBe("error");
  });

  it("sibling_errors: the later failed sibling and the wrapper's own message are consequences", () => {
    const { file, manifest } = manifests.find((m) => m.manifest.fixture === "sibling-errors")!;
    const origins = findErrorOrigins(treeOf(file, manifest.trace_id));
    expect(origins.map((o) => [o.service, o.operation, o.reason, o.role])).toEqual([
      ["payment", "oteldemo.PaymentService/Charge", "leaf_error", "cause"],
      // PlaceOrder's "order failed" repeats neither child's message: a failure report of its own.
      ["checkout", "oteldemo.CheckoutService/PlaceOrder", "own_message", "consequence"],
      ["email", "oteldemo.EmailService/SendOrderConfirmation", "leaf_error", "consequence"],
    ]);
  });
});

describe.each(manifests.filter(({ manifest }) => manifest.skill === "detect-n-plus-one"))("call patterns of $manifest.fixture", ({ file, manifest }) => {
  const { expected, pattern_present: present } = manifest as NPlusOneManifest;
  const tree = treeOf(file, manifest.trace_id);
  const parent = tree.byId.get(expected.parent_span_id)!;
  // The manifest's group: the parent's children of the named service and operation.
  const siblings = parent.children.filter((c) => c.span.service === expected.service && c.span.name === expected.operation).map((c) => c.span);
  const nPlusOnes = findCallPatterns(tree).filter((p) => p.kind === "n_plus_one" && p.parentSpanId === expected.parent_span_id);

  it("measures the sibling group as the manifest does", () => {
    expect(siblings).toHaveLength(expected.siblings);
    expect(countOverlappingPairs(siblings)).toBe(expected.overlapping_pairs);
    const first = siblings.reduce((a, s) => (s.startNs < a ? s.startNs : a), siblings[0].startNs);
    const last = siblings.reduce((a, s) => (s.endNs > a ? s.endNs : a), siblings[0].endNs);
    expect(Number(last - first) / MS).toBeCloseTo(expected.wall_ms, 1);
    expect(siblings.reduce((sum, s) => sum + Number(s.endNs - s.startNs), 0) / MS).toBeCloseTo(expected.sum_of_durations_ms, 1);
  });

  it(present ? "finds the N+1 under the manifest's parent" : "finds no N+1 under the manifest's parent", () => {
    if (!present) {
      expect(nPlusOnes).toEqual([]);
      return;
    }
    expect(nPlusOnes).toHaveLength(1);
    const [pattern] = nPlusOnes;
    expect(pattern).toMatchObject({ service: expected.service, operation: expected.operation, overlappingPairs: 0 });
    const groupIds = new Set(siblings.map((s) => s.spanId));
    expect(pattern.spanIds.every((id) => groupIds.has(id))).toBe(true);
    expect(pattern.costNs).toBeGreaterThan(0);
  });
});

describe("call patterns beyond the manifests' groups", () => {
  const find = (fixture: string) => {
    const { file, manifest } = manifests.find((m) => m.manifest.fixture === fixture)!;
    return findCallPatterns(treeOf(file, manifest.trace_id));
  };

  it("n_plus_one_positive: all 13 GetDriver calls, retries of failed ones included", () => {
    expect(find("n-plus-one-positive").filter((p) => p.kind === "n_plus_one").map((p) => p.count)).toEqual([13]);
  });

  it("n_plus_one_full_serial: the ten route calls; the customer lookup under the same name goes to another port", () => {
    const route = find("n-plus-one-full-serial").find((p) => p.kind === "n_plus_one" && p.parentSpanId === "9c3834fb5a6fea99")!;
    expect(route.count).toBe(10);
    expect(route.spanIds).not.toContain("ec4c8608bc2e4149");
  });

  it("both whole HotROD traces: the genuine GetDriver N+1 in the driver service", () => {
    for (const fixture of ["n-plus-one-full-serial", "n-plus-one-full-concurrent"]) {
      const getDriver = find(fixture).filter((p) => p.kind === "n_plus_one" && p.service === "redis-manual");
      expect(getDriver.map((p) => [p.operation, p.overlappingPairs])).toEqual([["GetDriver", 0]]);
      expect(getDriver[0].count).toBeGreaterThanOrEqual(13);
    }
  });
});
