import { describe, expect, it } from "vitest";
import { SpanKind } from "../otlp/span";
import { buildSpanTree } from "../traces/build-span-tree";
import type { DiagnosisSpan } from "./diagnosis-span";
import { findErrorOrigins } from "./find-error-origins";
import { makeDiagnosisSpan as span } from "./testing/make-diagnosis-span";

const originsOf = (spans: DiagnosisSpan[]) => findErrorOrigins(buildSpanTree(spans)).map((o) => [o.spanId, o.reason, o.role]);

describe("findErrorOrigins", () => {
  it("finds nothing in a trace without errors", () => {
    expect(originsOf([span({ spanId: "a", endMs: 10 }), span({ spanId: "b", parentSpanId: "a", startMs: 1, endMs: 5 })])).toEqual([]);
  });

  it("names a plain leaf error, with its service, operation, message and timing", () => {
    const tree = buildSpanTree([
      span({ spanId: "root", service: "gateway", name: "GET /cart", endMs: 30 }),
      span({ spanId: "leaf", parentSpanId: "root", service: "cart", name: "load cart", status: "error", statusMessage: "cart not found", startMs: 5, endMs: 25 }),
    ]);
    expect(findErrorOrigins(tree)).toEqual([
      { spanId: "leaf", service: "cart", operation: "load cart", statusMessage: "cart not found", reason: "leaf_error", role: "cause", startNs: 5_000_000n, durationNs: 20_000_000 },
    ]);
  });

  it("finds one origin, the leaf, when every level repeats or wraps the message", () => {
    expect(
      originsOf([
        span({ spanId: "gw", status: "error", statusMessage: "Internal error: db: connection refused", endMs: 40 }),
        span({ spanId: "svc", parentSpanId: "gw", status: "error", statusMessage: "db: connection refused", startMs: 1, endMs: 39 }),
        // An OK span between two errors does not break the chain.
        span({ spanId: "mid", parentSpanId: "svc", status: "ok", startMs: 2, endMs: 38 }),
        span({ spanId: "db", parentSpanId: "mid", status: "error", statusMessage: "connection refused", startMs: 3, endMs: 10 }),
      ]),
    ).toEqual([["db", "leaf_error", "cause"]]);
  });

  it("treats an empty message as passing the error on, both ways", () => {
    expect(
      originsOf([
        span({ spanId: "gw", status: "error", endMs: 40 }),
        span({ spanId: "svc", parentSpanId: "gw", status: "error", statusMessage: "out of stock", startMs: 1, endMs: 39 }),
        span({ spanId: "db", parentSpanId: "svc", status: "error", startMs: 3, endMs: 10 }),
      ]),
    ).toEqual([["db", "leaf_error", "cause"]]);
  });

  it("makes a parent with a message of its own an origin too, a consequence of the failure beneath it", () => {
    expect(
      originsOf([
        span({ spanId: "order", status: "error", statusMessage: "order rejected: fraud check failed", endMs: 100 }),
        span({ spanId: "stock", parentSpanId: "order", status: "error", statusMessage: "inventory lock timeout", startMs: 10, endMs: 20 }),
      ]),
    ).toEqual([
      ["stock", "leaf_error", "cause"],
      ["order", "own_message", "consequence"],
    ]);
  });

  it("of failed siblings makes the one that started first the cause", () => {
    expect(
      originsOf([
        span({ spanId: "root", endMs: 200 }),
        span({ spanId: "late", parentSpanId: "root", status: "error", statusMessage: "order not found", startMs: 120, endMs: 180 }),
        span({ spanId: "early", parentSpanId: "root", status: "error", statusMessage: "payment declined", startMs: 20, endMs: 60 }),
      ]),
    ).toEqual([
      ["early", "leaf_error", "cause"],
      ["late", "leaf_error", "consequence"],
    ]);
  });

  it("breaks a tie in start time by depth, the deeper span first", () => {
    expect(
      originsOf([
        span({ spanId: "root", endMs: 100 }),
        span({ spanId: "shallow", parentSpanId: "root", status: "error", statusMessage: "a", startMs: 10, endMs: 20 }),
        span({ spanId: "wrap", parentSpanId: "root", startMs: 5, endMs: 30 }),
        span({ spanId: "deep", parentSpanId: "wrap", status: "error", statusMessage: "b", startMs: 10, endMs: 20 }),
      ]),
    ).toEqual([
      ["deep", "leaf_error", "cause"],
      ["shallow", "leaf_error", "consequence"],
    ]);
  });

  describe("masked timeouts", () => {
    const proxy = (init: Partial<DiagnosisSpan>) =>
      span({ spanId: "proxy", service: "proxy", name: "POST", kind: SpanKind.SERVER, status: "error", startMs: 0, endMs: 1000, ...init });

    it("moves the origin to the deepest span that used the whole budget, though it did not fail", () => {
      const tree = buildSpanTree([
        proxy({ attributes: { "http.status_code": 504 } }),
        span({ spanId: "egress", parentSpanId: "proxy", service: "proxy", kind: SpanKind.CLIENT, startMs: 0.1, endMs: 999.9 }),
        span({ spanId: "app", parentSpanId: "egress", service: "app", name: "POST /checkout", status: "ok", startMs: 0.2, endMs: 999.95 }),
        // Finished well inside the budget: not where the time went.
        span({ spanId: "quick", parentSpanId: "app", service: "app", name: "SELECT", startMs: 1, endMs: 30 }),
      ]);
      expect(findErrorOrigins(tree)).toEqual([
        expect.objectContaining({ spanId: "app", service: "app", operation: "POST /checkout", reason: "timeout_masked", role: "cause", maskedBySpanId: "proxy" }),
      ]);
    });

    it("reads timeouts from the message, gRPC status and a missing message", () => {
      const child = span({ spanId: "slow", parentSpanId: "proxy", startMs: 10, endMs: 1000 });
      for (const init of [{ statusMessage: "context deadline exceeded" }, { statusMessage: "upstream request timed out" }, { attributes: { "rpc.grpc.status_code": 4 } }, {}]) {
        expect(originsOf([proxy(init), child])).toEqual([["slow", "timeout_masked", "cause"]]);
      }
    });

    it("leaves the error where it is when it is not a timeout, or nothing below used the budget", () => {
      const slow = span({ spanId: "slow", parentSpanId: "proxy", startMs: 10, endMs: 1000 });
      expect(originsOf([proxy({ statusMessage: "invalid card number" }), slow])).toEqual([["proxy", "leaf_error", "cause"]]);
      expect(originsOf([proxy({ attributes: { "http.response.status_code": 500 } }), slow])).toEqual([["proxy", "leaf_error", "cause"]]);
      const shortChild = span({ spanId: "short", parentSpanId: "proxy", startMs: 10, endMs: 900 });
      expect(originsOf([proxy({ statusMessage: "timeout" }), shortChild])).toEqual([["proxy", "leaf_error", "cause"]]);
    });
  });
});
