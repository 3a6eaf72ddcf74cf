import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SpanKind, type Attributes, type SpanKindNumber } from "../otlp/span";
import { buildSpanTree } from "../traces/build-span-tree";
import { forestShapeArbitrary, materializeSpans, shuffleWithDuplicates, spanIdsArbitrary, tangledShapeArbitrary } from "../traces/testing/arbitrary-trace";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import type { TraceSpan } from "../traces/trace-span";
import { extractTraceGraph } from "./extract-trace-graph";
import type { ServiceGraph } from "./graph-types";

/** Edges as one line each, `kind source → target ×calls !errors µs`, in id order. */
function edgeLines(graph: ServiceGraph): string[] {
  return Object.values(graph.edges).map((e) => `${e.kind} ${e.source} → ${e.target} ×${e.callCount} !${e.errorCount} ${e.durationSumUs}µs`);
}

function nodeLines(graph: ServiceGraph): string[] {
  return Object.values(graph.nodes).map((n) => `${n.id} (${n.service})`);
}

const graphOf = (spans: TraceSpan[]) => extractTraceGraph(buildSpanTree(spans));

/** Moves spans described in offsets of ms to a real epoch, exactly (no float on the way). */
function shiftTo(baseNs: bigint, spans: TraceSpan[]): TraceSpan[] {
  return spans.map((s) => ({ ...s, startNs: s.startNs + baseNs, endNs: s.endNs + baseNs }));
}

const BASE_MS = 1_760_000_000_000; // 2025-10-09T08:53:20Z
const BASE_NS = BigInt(BASE_MS) * 1_000_000n;

/**
 * The realistic case: a gateway without route calls orders, which calls users (older HTTP keys)
 * and products (which fails), inserts into its database (current db keys), publishes
 * order.created (current messaging key); notifications consumes it (older key) and calls
 * SendGrid, which sends no traces. Every client span carries what real instrumentations put
 * there (server.address), which must not create a peer node when a callee answered.
 */
const shop = shiftTo(BASE_NS, [
  makeTraceSpan({ spanId: "g1", service: "api-gateway", name: "POST", kind: SpanKind.SERVER, startMs: 0, endMs: 100, attributes: { "http.method": "POST", "http.target": "/api/v1/orders" } }),
  makeTraceSpan({ spanId: "g2", parentSpanId: "g1", service: "api-gateway", name: "HTTP POST", kind: SpanKind.CLIENT, startMs: 1, endMs: 99, attributes: { "server.address": "orders" } }),
  makeTraceSpan({ spanId: "o1", parentSpanId: "g2", service: "orders", name: "POST /api/v1/orders", kind: SpanKind.SERVER, startMs: 2, endMs: 98, attributes: { "http.route": "/api/v1/orders", "http.request.method": "POST" } }),
  makeTraceSpan({ spanId: "o2", parentSpanId: "o1", service: "orders", name: "HTTP GET", kind: SpanKind.CLIENT, startMs: 3, endMs: 20, attributes: { "server.address": "users" } }),
  makeTraceSpan({ spanId: "u1", parentSpanId: "o2", service: "users", name: "GET /api/v1/users/:id", kind: SpanKind.SERVER, startMs: 4, endMs: 19, attributes: { "http.route": "/api/v1/users/:id", "http.method": "GET" } }),
  makeTraceSpan({ spanId: "o3", parentSpanId: "o1", service: "orders", name: "HTTP GET", kind: SpanKind.CLIENT, status: "error", startMs: 21, endMs: 40, attributes: { "server.address": "products" } }),
  makeTraceSpan({ spanId: "p1", parentSpanId: "o3", service: "products", name: "GET /api/v1/products/:id", kind: SpanKind.SERVER, status: "error", startMs: 22, endMs: 39, attributes: { "http.route": "/api/v1/products/:id", "http.request.method": "GET" } }),
  makeTraceSpan({ spanId: "o4", parentSpanId: "o1", service: "orders", name: "INSERT shop.orders", kind: SpanKind.CLIENT, startMs: 41, endMs: 46, attributes: { "db.system.name": "postgresql", "db.namespace": "shop", "db.query.text": "INSERT INTO orders (id, total) VALUES ($1, $2)" } }),
  makeTraceSpan({ spanId: "o5", parentSpanId: "o1", service: "orders", name: "order.created publish", kind: SpanKind.PRODUCER, startMs: 47, endMs: 50, attributes: { "messaging.system": "kafka", "messaging.destination.name": "order.created" } }),
  makeTraceSpan({ spanId: "n1", parentSpanId: "o5", service: "notifications", name: "order.created process", kind: SpanKind.CONSUMER, startMs: 60, endMs: 75, attributes: { "messaging.system": "kafka", "messaging.destination": "order.created", "messaging.operation": "process" } }),
  makeTraceSpan({ spanId: "n2", parentSpanId: "n1", service: "notifications", name: "POST", kind: SpanKind.CLIENT, startMs: 61, endMs: 70, attributes: { "peer.service": "sendgrid", "server.address": "api.sendgrid.com" } }),
]);

describe("extractTraceGraph", () => {
  describe("a realistic trace: gateway → orders → users/products, insert, publish, consume", () => {
    const graph = graphOf(shop);

    it("has every service, endpoint, database and topic as a node", () => {
      expect(nodeLines(graph)).toEqual([
        "api_endpoint:GET /api/v1/products/:id (products)",
        "api_endpoint:GET /api/v1/users/:id (users)",
        "api_endpoint:POST /api/v1/orders (orders)",
        "database:shop (orders)",
        "service:api-gateway (api-gateway)",
        "service:notifications (notifications)",
        "service:orders (orders)",
        "service:products (products)",
        "service:sendgrid (sendgrid)",
        "service:users (users)",
        // The publisher owns the topic, though the consumer's name sorts first.
        "topic:order.created (orders)",
      ]);
      expect(Object.values(graph.nodes).every((n) => n.label === n.id.slice(n.type.length + 1) && n.traceCount === 1)).toBe(true);
      expect(graph.nodes["topic:order.created"].serviceTraceCounts).toEqual({ orders: 1 });
    });

    it("has one edge per relation, measured by the span that is the call", () => {
      expect(edgeLines(graph).sort()).toEqual(
        [
          // Calls are measured by the caller's client span: 98 ms, not the server's 96.
          "calls service:api-gateway → api_endpoint:POST /api/v1/orders ×1 !0 98000µs",
          "exposes service:orders → api_endpoint:POST /api/v1/orders ×1 !0 96000µs",
          "calls service:orders → api_endpoint:GET /api/v1/users/:id ×1 !0 17000µs",
          "exposes service:users → api_endpoint:GET /api/v1/users/:id ×1 !0 15000µs",
          "calls service:orders → api_endpoint:GET /api/v1/products/:id ×1 !1 19000µs",
          "exposes service:products → api_endpoint:GET /api/v1/products/:id ×1 !1 17000µs",
          "writes service:orders → database:shop ×1 !0 5000µs",
          "publishes service:orders → topic:order.created ×1 !0 3000µs",
          // Reached through the topic: no calls edge orders → notifications.
          "consumes topic:order.created → service:notifications ×1 !0 15000µs",
          "calls service:notifications → service:sendgrid ×1 !0 9000µs",
        ].sort(),
      );
    });

    it("dates every edge at the trace's root start", () => {
      expect(new Set(Object.values(graph.edges).map((e) => e.lastSeenAtMs))).toEqual(new Set([BASE_MS]));
      expect(Object.values(graph.edges).every((e) => e.traceCount === 1)).toBe(true);
    });

    it("keeps its keys sorted and is plain JSON", () => {
      expect(Object.keys(graph.nodes)).toEqual([...Object.keys(graph.nodes)].sort());
      expect(Object.keys(graph.edges)).toEqual([...Object.keys(graph.edges)].sort());
      expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
    });

    it("does not depend on arrival order", () => {
      const reversed = graphOf([...shop].reverse());
      expect(reversed).toEqual(graph);
      expect(JSON.stringify(reversed)).toBe(JSON.stringify(graph));
    });
  });

  it("returns an empty graph for no spans", () => {
    expect(graphOf([])).toEqual({ nodes: {}, edges: {} });
  });

  describe("exposes", () => {
    it.each<[string, Attributes]>([
      ["current keys", { "http.route": "/orders/:id", "http.request.method": "GET" }],
      ["older keys", { "http.route": "/orders/:id", "http.method": "get" }],
    ])("links a service to the endpoint its server span serves (%s)", (_, attributes) => {
      const graph = graphOf([makeTraceSpan({ spanId: "s", service: "orders", kind: SpanKind.SERVER, startMs: 0, endMs: 2.5, attributes })]);
      expect(edgeLines(graph)).toEqual(["exposes service:orders → api_endpoint:GET /orders/:id ×1 !0 2500µs"]);
    });

    it("counts a server span nested in one of the same route once (Next.js records two)", () => {
      const graph = graphOf([
        makeTraceSpan({ spanId: "a", service: "web", kind: SpanKind.SERVER, startMs: 0, endMs: 10, attributes: { "http.route": "/cart", "http.request.method": "POST" } }),
        makeTraceSpan({ spanId: "b", parentSpanId: "a", service: "web", kind: SpanKind.SERVER, startMs: 1, endMs: 9, attributes: { "http.route": "/cart", "http.method": "POST" } }),
      ]);
      expect(edgeLines(graph)).toEqual(["exposes service:web → api_endpoint:POST /cart ×1 !0 10000µs"]);
    });
  });

  describe("calls between instrumented services", () => {
    it("goes from the caller to the endpoint of the callee's server span, measured by the client span", () => {
      const graph = graphOf([
        makeTraceSpan({ spanId: "r", service: "web", kind: SpanKind.SERVER, startMs: 0, endMs: 50 }),
        makeTraceSpan({ spanId: "c", parentSpanId: "r", service: "web", kind: SpanKind.CLIENT, startMs: 1, endMs: 31 }),
        makeTraceSpan({ spanId: "s", parentSpanId: "c", service: "api", kind: SpanKind.SERVER, status: "error", startMs: 2, endMs: 30, attributes: { "http.route": "/x", "http.request.method": "GET" } }),
      ]);
      expect(edgeLines(graph)).toEqual([
        "calls service:web → api_endpoint:GET /x ×1 !1 30000µs",
        "exposes service:api → api_endpoint:GET /x ×1 !1 28000µs",
      ]);
    });

    it("counts a client-side failure (a timeout) as an error of the call", () => {
      const graph = graphOf([
        makeTraceSpan({ spanId: "c", service: "web", kind: SpanKind.CLIENT, status: "error", startMs: 0, endMs: 5000 }),
        makeTraceSpan({ spanId: "s", parentSpanId: "c", service: "api", kind: SpanKind.SERVER, startMs: 1, endMs: 9000, attributes: { "http.route": "/slow", "http.request.method": "GET" } }),
      ]);
      expect(edgeLines(graph)).toEqual([
        "calls service:web → api_endpoint:GET /slow ×1 !1 5000000µs",
        "exposes service:api → api_endpoint:GET /slow ×1 !0 8999000µs",
      ]);
    });

    it("targets the callee's service when its span has no route (gRPC without http.route)", () => {
      const graph = graphOf([
        makeTraceSpan({ spanId: "c", service: "frontend", kind: SpanKind.CLIENT, startMs: 0, endMs: 4, attributes: { "rpc.system": "grpc" } }),
        makeTraceSpan({ spanId: "s", parentSpanId: "c", service: "driver", kind: SpanKind.SERVER, startMs: 1, endMs: 3, attributes: { "rpc.system": "grpc" } }),
      ]);
      expect(edgeLines(graph)).toEqual(["calls service:frontend → service:driver ×1 !0 4000µs"]);
      expect(nodeLines(graph)).toEqual(["service:driver (driver)", "service:frontend (frontend)"]);
    });

    it("measures each callee by its own span when the caller's span is not a client span", () => {
      // HotROD's shape: customer's server span parents spans of a service named mysql.
      const graph = graphOf([
        makeTraceSpan({ spanId: "s", service: "customer", kind: SpanKind.SERVER, startMs: 0, endMs: 100, attributes: { "http.route": "/customer", "http.request.method": "GET" } }),
        makeTraceSpan({ spanId: "q1", parentSpanId: "s", service: "mysql", kind: SpanKind.CLIENT, status: "error", startMs: 1, endMs: 11, attributes: { "db.system.name": "mysql", "db.operation.name": "SELECT" } }),
        makeTraceSpan({ spanId: "q2", parentSpanId: "s", service: "mysql", kind: SpanKind.CLIENT, startMs: 12, endMs: 42, attributes: { "db.system.name": "mysql", "db.operation.name": "SELECT" } }),
      ]);
      expect(edgeLines(graph)).toEqual([
        "calls service:customer → service:mysql ×2 !1 40000µs",
        "exposes service:customer → api_endpoint:GET /customer ×1 !0 100000µs",
        "reads service:mysql → database:mysql ×2 !1 40000µs",
      ]);
    });

    it("measures each callee by its own span when one client span has several", () => {
      const graph = graphOf([
        makeTraceSpan({ spanId: "c", service: "web", kind: SpanKind.CLIENT, status: "error", startMs: 0, endMs: 100 }),
        makeTraceSpan({ spanId: "a", parentSpanId: "c", service: "api", kind: SpanKind.SERVER, startMs: 1, endMs: 11, attributes: { "http.route": "/x", "http.request.method": "GET" } }),
        makeTraceSpan({ spanId: "b", parentSpanId: "c", service: "api", kind: SpanKind.SERVER, startMs: 20, endMs: 50, attributes: { "http.route": "/x", "http.request.method": "GET" } }),
      ]);
      expect(edgeLines(graph)).toEqual([
        "calls service:web → api_endpoint:GET /x ×2 !0 40000µs",
        "exposes service:api → api_endpoint:GET /x ×2 !0 40000µs",
      ]);
    });

    it("adds no hop for spans whose parent never arrived, or for extra roots", () => {
      const graph = graphOf([
        makeTraceSpan({ spanId: "r", service: "web", kind: SpanKind.SERVER, startMs: 0, endMs: 10 }),
        makeTraceSpan({ spanId: "o", parentSpanId: "gone", service: "api", kind: SpanKind.SERVER, startMs: 1, endMs: 2, attributes: { "http.route": "/x", "http.request.method": "GET" } }),
        makeTraceSpan({ spanId: "x", service: "batch", kind: SpanKind.SERVER, startMs: 3, endMs: 4 }),
      ]);
      expect(edgeLines(graph)).toEqual(["exposes service:api → api_endpoint:GET /x ×1 !0 1000µs"]);
      expect(nodeLines(graph)).toEqual(["api_endpoint:GET /x (api)", "service:api (api)", "service:batch (batch)", "service:web (web)"]);
    });

    it("counts retries as separate calls", () => {
      const server = makeTraceSpan({ spanId: "s", service: "driver", kind: SpanKind.SERVER, startMs: 0, endMs: 100 });
      const get = (spanId: string, startMs: number, status: TraceSpan["status"]) =>
        makeTraceSpan({ spanId, parentSpanId: "s", service: "driver", kind: SpanKind.CLIENT, status, startMs, endMs: startMs + 10, attributes: { "db.system": "redis", "db.statement": "GET driver:T7" } });
      const graph = graphOf([server, get("a", 1, "error"), get("b", 20, "unset"), get("c", 40, "ok")]);
      expect(edgeLines(graph)).toEqual(["reads service:driver → database:redis ×3 !1 30000µs"]);
    });
  });

  describe("calls to services that send no traces", () => {
    it.each<[string, Attributes, string]>([
      ["peer.service", { "peer.service": "stripe", "server.address": "api.stripe.com" }, "stripe"],
      ["server.address (current)", { "server.address": "api.stripe.com" }, "api.stripe.com"],
      ["net.peer.name (older)", { "net.peer.name": "api.stripe.com" }, "api.stripe.com"],
    ])("names the peer by %s", (_, attributes, peer) => {
      const graph = graphOf([
        makeTraceSpan({ spanId: "r", service: "payments", kind: SpanKind.SERVER, startMs: 0, endMs: 10 }),
        makeTraceSpan({ spanId: "c", parentSpanId: "r", service: "payments", kind: SpanKind.CLIENT, status: "error", startMs: 1, endMs: 8, attributes }),
      ]);
      expect(edgeLines(graph)).toEqual([`calls service:payments → service:${peer} ×1 !1 7000µs`]);
      expect(graph.nodes[`service:${peer}`]).toMatchObject({ type: "service", label: peer, service: peer });
    });

    it("adds nothing for a client span that names no peer: where it went is unknown", () => {
      const graph = graphOf([makeTraceSpan({ spanId: "c", service: "payments", kind: SpanKind.CLIENT })]);
      expect(edgeLines(graph)).toEqual([]);
      expect(nodeLines(graph)).toEqual(["service:payments (payments)"]);
    });

    it("counts a client span nested in one to the same peer once", () => {
      const graph = graphOf([
        makeTraceSpan({ spanId: "sdk", service: "payments", kind: SpanKind.CLIENT, startMs: 0, endMs: 10, attributes: { "peer.service": "stripe" } }),
        makeTraceSpan({ spanId: "http", parentSpanId: "sdk", service: "payments", kind: SpanKind.CLIENT, startMs: 1, endMs: 9, attributes: { "peer.service": "stripe" } }),
      ]);
      expect(edgeLines(graph)).toEqual(["calls service:payments → service:stripe ×1 !0 10000µs"]);
    });
  });

  describe("reads and writes", () => {
    const dbSpan = (attributes: Attributes) => graphOf([makeTraceSpan({ spanId: "d", service: "orders", kind: SpanKind.CLIENT, startMs: 0, endMs: 1, attributes })]);

    it.each<[string, Attributes, string]>([
      ["db.operation.name (current)", { "db.system.name": "postgresql", "db.namespace": "shop", "db.operation.name": "SELECT" }, "reads service:orders → database:shop"],
      ["db.operation (older)", { "db.system": "mysql", "db.name": "shop", "db.operation": "UPDATE" }, "writes service:orders → database:shop"],
      ["db.query.text (current)", { "db.system.name": "postgresql", "db.namespace": "shop", "db.query.text": "delete from carts where id = $1" }, "writes service:orders → database:shop"],
      ["db.statement (older)", { "db.system": "postgresql", "db.name": "shop", "db.statement": "SELECT * FROM orders" }, "reads service:orders → database:shop"],
      ["a Redis read command", { "db.system.name": "redis", "db.operation.name": "HGETALL" }, "reads service:orders → database:redis"],
      ["a Redis write statement", { "db.system": "redis", "db.statement": "SET cart:1 ?" }, "writes service:orders → database:redis"],
      ["an unknown operation", { "db.system": "postgresql", "db.name": "shop", "db.statement": "CALL refresh_totals()" }, "calls service:orders → database:shop"],
      ["nothing about the operation", { "db.system.name": "mongodb" }, "calls service:orders → database:mongodb"],
    ])("classifies by %s", (_, attributes, edge) => {
      expect(edgeLines(dbSpan(attributes))).toEqual([`${edge} ×1 !0 1000µs`]);
    });

    it("gives a service that reads and writes one database two edges", () => {
      const graph = graphOf([
        makeTraceSpan({ spanId: "r", service: "orders", kind: SpanKind.SERVER, startMs: 0, endMs: 10 }),
        makeTraceSpan({ spanId: "a", parentSpanId: "r", service: "orders", kind: SpanKind.CLIENT, startMs: 1, endMs: 2, attributes: { "db.system.name": "postgresql", "db.namespace": "shop", "db.operation.name": "SELECT" } }),
        makeTraceSpan({ spanId: "b", parentSpanId: "r", service: "orders", kind: SpanKind.CLIENT, startMs: 3, endMs: 5, attributes: { "db.system.name": "postgresql", "db.namespace": "shop", "db.operation.name": "INSERT" } }),
      ]);
      expect(edgeLines(graph)).toEqual(["reads service:orders → database:shop ×1 !0 1000µs", "writes service:orders → database:shop ×1 !0 2000µs"]);
    });

    it("counts a driver span nested in an ORM span of the same database once", () => {
      const graph = graphOf([
        makeTraceSpan({ spanId: "orm", service: "orders", kind: SpanKind.INTERNAL, startMs: 0, endMs: 10, attributes: { "db.system": "postgresql", "db.name": "shop", "db.operation": "INSERT" } }),
        makeTraceSpan({ spanId: "drv", parentSpanId: "orm", service: "orders", kind: SpanKind.CLIENT, startMs: 1, endMs: 9, attributes: { "db.system": "postgresql", "db.name": "shop", "db.statement": "INSERT INTO orders VALUES ($1)" } }),
      ]);
      expect(edgeLines(graph)).toEqual(["writes service:orders → database:shop ×1 !0 10000µs"]);
    });
  });

  describe("publishes and consumes", () => {
    const one = (kind: SpanKindNumber, attributes: Attributes) =>
      graphOf([makeTraceSpan({ spanId: "m", service: "svc", kind, startMs: 0, endMs: 2, attributes })]);

    it.each<[string, SpanKindNumber, Attributes, string]>([
      ["a PRODUCER span, current key", SpanKind.PRODUCER, { "messaging.destination.name": "orders" }, "publishes service:svc → topic:orders"],
      ["a PRODUCER span, older key", SpanKind.PRODUCER, { "messaging.destination": "orders" }, "publishes service:svc → topic:orders"],
      ["a CLIENT span that sends (messaging.operation.type)", SpanKind.CLIENT, { "messaging.destination.name": "orders", "messaging.operation.type": "send" }, "publishes service:svc → topic:orders"],
      ["a span that publishes (older messaging.operation)", SpanKind.INTERNAL, { "messaging.destination": "orders", "messaging.operation": "publish" }, "publishes service:svc → topic:orders"],
      ["a CONSUMER span, current key", SpanKind.CONSUMER, { "messaging.destination.name": "orders" }, "consumes topic:orders → service:svc"],
      ["a CONSUMER span, older key", SpanKind.CONSUMER, { "messaging.destination": "orders" }, "consumes topic:orders → service:svc"],
      ["a CLIENT span that receives (pull consumer)", SpanKind.CLIENT, { "messaging.destination.name": "orders", "messaging.operation.type": "receive" }, "consumes topic:orders → service:svc"],
      ["a span that processes (older messaging.operation)", SpanKind.INTERNAL, { "messaging.destination": "orders", "messaging.operation": "process" }, "consumes topic:orders → service:svc"],
      ["a settle (ack) span", SpanKind.CLIENT, { "messaging.destination.name": "orders", "messaging.operation.type": "settle" }, "calls service:svc → topic:orders"],
    ])("reads %s", (_, kind, attributes, edge) => {
      expect(edgeLines(one(kind, attributes))).toEqual([`${edge} ×1 !0 2000µs`]);
    });

    it("takes the topic of the producer when the consumer span names none", () => {
      const graph = graphOf([
        makeTraceSpan({ spanId: "p", service: "orders", kind: SpanKind.PRODUCER, startMs: 0, endMs: 1, attributes: { "messaging.destination.name": "order.created" } }),
        makeTraceSpan({ spanId: "c", parentSpanId: "p", service: "mailer", kind: SpanKind.CONSUMER, status: "error", startMs: 5, endMs: 9 }),
      ]);
      expect(edgeLines(graph)).toEqual([
        "consumes topic:order.created → service:mailer ×1 !1 4000µs",
        "publishes service:orders → topic:order.created ×1 !0 1000µs",
      ]);
    });

    it("falls back to a call when neither side names a topic", () => {
      const graph = graphOf([
        makeTraceSpan({ spanId: "p", service: "orders", kind: SpanKind.PRODUCER, startMs: 0, endMs: 1 }),
        makeTraceSpan({ spanId: "c", parentSpanId: "p", service: "mailer", kind: SpanKind.CONSUMER, startMs: 5, endMs: 9 }),
      ]);
      expect(edgeLines(graph)).toEqual(["calls service:orders → service:mailer ×1 !0 4000µs"]);
    });

    it("counts a process span nested in a receive span of the same topic once", () => {
      const graph = graphOf([
        makeTraceSpan({ spanId: "r", service: "mailer", kind: SpanKind.CLIENT, startMs: 0, endMs: 10, attributes: { "messaging.destination.name": "q", "messaging.operation.type": "receive" } }),
        makeTraceSpan({ spanId: "p", parentSpanId: "r", service: "mailer", kind: SpanKind.CONSUMER, startMs: 1, endMs: 9, attributes: { "messaging.destination.name": "q", "messaging.operation.type": "process" } }),
      ]);
      expect(edgeLines(graph)).toEqual(["consumes topic:q → service:mailer ×1 !0 10000µs"]);
    });

    it("gives a topic to its consumers only in a trace without a publisher", () => {
      const graph = one(SpanKind.CONSUMER, { "messaging.destination.name": "orders" });
      expect(graph.nodes["topic:orders"]).toMatchObject({ service: "svc", serviceTraceCounts: { svc: 1 } });
    });
  });

  describe("trace time", () => {
    it("is the earliest span start when the root is missing", () => {
      const graph = graphOf(
        shiftTo(BASE_NS, [
          makeTraceSpan({ spanId: "late", parentSpanId: "gone", service: "api", kind: SpanKind.SERVER, startMs: 7, endMs: 9, attributes: { "http.route": "/x" } }),
          makeTraceSpan({ spanId: "early", parentSpanId: "gone", service: "api", kind: SpanKind.INTERNAL, startMs: 3.7, endMs: 4 }),
        ]),
      );
      expect(Object.values(graph.edges).map((e) => e.lastSeenAtMs)).toEqual([BASE_MS + 3]);
    });
  });

  describe("properties", () => {
    const forest = forestShapeArbitrary.chain((shapes) => fc.tuple(fc.constant(shapes), spanIdsArbitrary(shapes.length + 2), fc.integer()));
    const tangled = tangledShapeArbitrary.chain((shapes) => fc.tuple(fc.constant(shapes), spanIdsArbitrary(shapes.length + 2), fc.integer()));

    it("does not depend on arrival order or duplicate deliveries", () => {
      fc.assert(
        fc.property(fc.oneof(forest, tangled), ([shapes, ids, seed]) => {
          const spans = materializeSpans(shapes, ids);
          const graph = graphOf(spans);
          const again = graphOf(shuffleWithDuplicates(spans, seed));
          expect(JSON.stringify(again)).toBe(JSON.stringify(graph));
        }),
      );
    });

    it("does not depend on span ids", () => {
      fc.assert(
        fc.property(
          forestShapeArbitrary.chain((shapes) => fc.tuple(fc.constant(shapes), spanIdsArbitrary(shapes.length + 2), spanIdsArbitrary(shapes.length + 2))),
          ([shapes, idsA, idsB]) => {
            expect(graphOf(materializeSpans(shapes, idsB))).toEqual(graphOf(materializeSpans(shapes, idsA)));
          },
        ),
      );
    });

    it("is a consistent one-trace graph: edges join nodes, every count fits", () => {
      fc.assert(
        fc.property(fc.oneof(forest, tangled), ([shapes, ids]) => {
          const spans = materializeSpans(shapes, ids);
          const graph = graphOf(spans);
          for (const span of spans) expect(graph.nodes[`service:${span.service}`]).toBeDefined();
          for (const node of Object.values(graph.nodes)) {
            expect(node.traceCount).toBe(1);
            expect(Object.keys(node.serviceTraceCounts).length).toBeGreaterThan(0);
            expect(Object.values(node.serviceTraceCounts).every((c) => c === 1)).toBe(true);
            expect(node.serviceTraceCounts[node.service]).toBe(1);
          }
          let calls = 0;
          for (const edge of Object.values(graph.edges)) {
            expect(graph.nodes[edge.source]).toBeDefined();
            expect(graph.nodes[edge.target]).toBeDefined();
            expect(edge.traceCount).toBe(1);
            expect(edge.callCount).toBeGreaterThanOrEqual(1);
            expect(edge.errorCount).toBeLessThanOrEqual(edge.callCount);
            expect(Number.isSafeInteger(edge.durationSumUs)).toBe(true);
            calls += edge.callCount;
          }
          // Each span adds at most two calls: one for its own node, one for the hop from its caller.
          expect(calls).toBeLessThanOrEqual(2 * new Set(spans.map((s) => s.spanId)).size);
        }),
      );
    });
  });
});
