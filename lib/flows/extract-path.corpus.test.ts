// Flow paths of real traces from other projects' fixtures (Jaeger's HotROD and OpenTelemetry
// Demo captures), in tests/fixtures/corpora/otlp.
// The expected paths were worked out by hand from the files, span by span, and are written
// out literally: they are not produced by the code under test.
import { describe, expect, it } from "vitest";
import { corpusFiles, onlyTrace, tracesOf } from "../otlp/testing/read-corpus-traces";
import { buildSpanTree } from "../traces/build-span-tree";
import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";
import { computeFingerprint } from "./compute-fingerprint";
import { extractPath } from "./extract-path";
import { findEntryPoint } from "./find-entry-point";
import { formatFlowName } from "./format-flow-name";

const corpus = corpusFiles();

const node = (type: PathNode["type"], identifier: string, service: string): PathNode => ({ type, identifier, service });

// frontend GET /dispatch → (client span, answered) customer GET /customer → mysql SQL SELECT
// (db.system.name mysql, no namespace) → (client span, answered) driver FindNearest (SERVER,
// rpc attributes only) → redis-manual FindDriverIDs/GetDriver ×14 (db.system.name redis) →
// eleven (client span, answered) route GET /route calls. Retries and repeats collapse.
const HOTROD_DISPATCH: PathNode[] = [
  node("api_endpoint", "GET /dispatch", "frontend"),
  node("api_endpoint", "GET /customer", "customer"),
  node("database", "mysql", "mysql"),
  node("service", "driver", "driver"),
  node("database", "redis", "redis-manual"),
  node("api_endpoint", "GET /route", "route"),
];

describe(`flow paths of the real traces in tests/fixtures/corpora/otlp`, () => {
  it("HotROD dispatch, serial route calls (-W 1)", () => {
    const tree = buildSpanTree(onlyTrace("n_plus_one_full_serial", "fe65c5beefbe4e96119efbba3da07e99"));
    expect(tree.nodes.length).toBe(40);
    expect(tree.root?.span.spanId).toBe("9c3834fb5a6fea99");
    expect(extractPath(tree)).toEqual(HOTROD_DISPATCH);
    expect(findEntryPoint(tree)).toEqual({ service: "frontend", operation: "GET /dispatch" });
  });

  it("HotROD dispatch, concurrent route calls (-W 3): the same flow as the serial capture", () => {
    const serial = extractPath(buildSpanTree(onlyTrace("n_plus_one_full_serial", "fe65c5beefbe4e96119efbba3da07e99")));
    const tree = buildSpanTree(onlyTrace("n_plus_one_full_concurrent", "1a4e4a7b270e9f2a0f716e3ee115218a"));
    const concurrent = extractPath(tree);
    expect(concurrent).toEqual(HOTROD_DISPATCH);
    // The manifests describe one call graph at two concurrency levels: one flow, one fingerprint.
    expect(computeFingerprint(concurrent)).toBe(computeFingerprint(serial));
    expect(formatFlowName(findEntryPoint(tree)!)).toBe("frontend → GET /dispatch");
  });

  it("HotROD trimmed to the route fan-out: client spans nobody answered name server.address", () => {
    // Trimmed capture: the eleven HTTP GET client spans lost their callees, so rule 5 names
    // the peer by server.address (0.0.0.0, HotROD's listen address).
    const tree = buildSpanTree(onlyTrace("n_plus_one_near_miss", "66371dd0eafc70e48e4234803fe94d41"));
    expect(extractPath(tree)).toEqual([node("api_endpoint", "GET /dispatch", "frontend"), node("service", "0.0.0.0", "0.0.0.0")]);
  });

  it("HotROD trimmed to the GetDriver N+1: redis spans without db attributes are their own service", () => {
    // This older capture's GetDriver CLIENT spans carry only param.driverID: no db.system, no
    // peer keys, no child, so rule 5 falls back to the span's own service.
    const tree = buildSpanTree(onlyTrace("n_plus_one_positive", "ea6db5d7b317ca1a5e2c4e0e7cea53ce"));
    expect(extractPath(tree)).toEqual([
      node("api_endpoint", "GET /dispatch", "frontend"),
      node("service", "driver", "driver"),
      node("service", "redis-manual", "redis-manual"),
    ]);
  });

  it("OpenTelemetry Demo checkout that timed out (error_timeout_masked)", () => {
    // load-generator's user_checkout_multi and user_add_to_cart are CLIENT spans answered by
    // frontend-proxy (rule 4), as are the proxy's "router frontend egress" spans and
    // frontend's gRPC client spans. The proxy's SERVER spans carry http.method but no route
    // (rule 6). Next.js nests a SERVER span with old keys inside one with new keys, both on
    // the same route: one node. The timed-out checkout adds nothing new: the proxy and
    // frontend's route-less POST are already on the path.
    const tree = buildSpanTree(onlyTrace("error_timeout_masked", "3e241b731fcf87976a3d50f5a7cc4d94"));
    expect(tree.nodes.length).toBe(26);
    expect(tree.rootMissing).toBe(false);
    expect(extractPath(tree)).toEqual([
      node("service", "frontend-proxy", "frontend-proxy"),
      node("api_endpoint", "GET /api/products/[productId]/index", "frontend"),
      node("service", "frontend", "frontend"),
      node("service", "product-catalog", "product-catalog"),
      node("database", "postgresql", "product-catalog"),
      node("api_endpoint", "POST /api/cart", "frontend"),
      node("api_endpoint", "POST /oteldemo.CartService/AddItem", "cart"),
      node("database", "redis", "cart"),
      node("api_endpoint", "POST /oteldemo.CartService/GetCart", "cart"),
    ]);
    expect(findEntryPoint(tree)).toEqual({ service: "load-generator", operation: "user_checkout_multi" });
  });

  it("OpenTelemetry Demo-shaped checkout with two failing calls (sibling_errors)", () => {
    // No attributes at all: checkout's SERVER span is its service; its GetCart client span has
    // no callee and no peer keys, so it names checkout again; payment's Charge is a CLIENT
    // span without children (its own service); email's likewise.
    const tree = buildSpanTree(onlyTrace("sibling_errors", "7c4f1a90b3e84d2f9a6c5e8017b3d264"));
    expect(extractPath(tree)).toEqual([
      node("service", "checkout", "checkout"),
      node("service", "payment", "payment"),
      node("service", "email", "email"),
    ]);
    expect(formatFlowName(findEntryPoint(tree)!)).toBe("checkout → oteldemo.CheckoutService/PlaceOrder");
  });

  it.each(corpus)("every trace of %s builds a complete tree and a duplicate-free path", (file) => {
    for (const spans of tracesOf(file).values()) {
      const tree = buildSpanTree(spans);
      expect(tree.nodes.length).toBe(new Set(spans.map((s) => s.spanId)).size);
      const keys = extractPath(tree).map(nodeKey);
      expect(keys.length).toBeGreaterThan(0);
      expect(new Set(keys).size).toBe(keys.length);
      // Reversed arrival must not change anything.
      expect(extractPath(buildSpanTree([...spans].reverse())).map(nodeKey)).toEqual(keys);
    }
  });
});
