import { describe, expect, it } from "vitest";
import { SpanKind, type Attributes, type SpanKindNumber } from "../otlp/span";
import { typePathNode } from "./type-path-node";

function span(attributes: Attributes, kind: SpanKindNumber = SpanKind.SERVER, service = "orders") {
  return { service, kind, attributes };
}

describe("typePathNode", () => {
  describe("rule 1: http.route → api_endpoint", () => {
    it("joins the current method key and the route", () => {
      expect(typePathNode(span({ "http.route": "/orders/:id", "http.request.method": "GET" }), [])).toEqual({
        type: "api_endpoint",
        identifier: "GET /orders/:id",
        service: "orders",
      });
    });

    it("reads the older http.method", () => {
      expect(typePathNode(span({ "http.route": "/orders", "http.method": "POST" }), [])?.identifier).toBe("POST /orders");
    });

    it("prefers http.request.method when both are present", () => {
      expect(typePathNode(span({ "http.route": "/x", "http.request.method": "PUT", "http.method": "POST" }), [])?.identifier).toBe("PUT /x");
    });

    it("uppercases the method", () => {
      expect(typePathNode(span({ "http.route": "/x", "http.method": "get" }), [])?.identifier).toBe("GET /x");
    });

    it("is the route alone without a method", () => {
      expect(typePathNode(span({ "http.route": "/health" }), [])?.identifier).toBe("/health");
    });

    it("wins over database and messaging keys, on any span kind", () => {
      const attributes = { "http.route": "/x", "http.method": "GET", "db.system": "redis", "messaging.destination.name": "t" };
      expect(typePathNode(span(attributes, SpanKind.CLIENT), [{ service: "other" }])?.type).toBe("api_endpoint");
    });

    it("ignores an empty route", () => {
      expect(typePathNode(span({ "http.route": "", "http.method": "GET" }), [])).toEqual({ type: "service", identifier: "orders", service: "orders" });
    });
  });

  describe("rule 2: db.system → database", () => {
    it("names the database by db.namespace (current keys)", () => {
      expect(typePathNode(span({ "db.system.name": "postgresql", "db.namespace": "shop" }, SpanKind.CLIENT), [])).toEqual({
        type: "database",
        identifier: "shop",
        service: "orders",
      });
    });

    it("names the database by db.name (older keys)", () => {
      expect(typePathNode(span({ "db.system": "mysql", "db.name": "customers" }, SpanKind.CLIENT), [])?.identifier).toBe("customers");
    });

    it("falls back to the system", () => {
      expect(typePathNode(span({ "db.system.name": "redis" }, SpanKind.CLIENT), [])?.identifier).toBe("redis");
      expect(typePathNode(span({ "db.system": "mongodb" }, SpanKind.CLIENT), [])?.identifier).toBe("mongodb");
    });

    it("prefers the current keys over the older ones", () => {
      const attributes = { "db.system.name": "postgresql", "db.system": "other_sql", "db.namespace": "new", "db.name": "old" };
      expect(typePathNode(span(attributes, SpanKind.CLIENT), [])?.identifier).toBe("new");
    });

    it("reads an integer namespace as text", () => {
      expect(typePathNode(span({ "db.system": "redis", "db.namespace": 0 }, SpanKind.CLIENT), [])?.identifier).toBe("0");
    });

    it("wins over rule 4 even when the callee reports its own span", () => {
      expect(typePathNode(span({ "db.system": "redis" }, SpanKind.CLIENT), [{ service: "redis-proxy" }])?.type).toBe("database");
    });
  });

  describe("rule 3: messaging destination → topic", () => {
    it("reads messaging.destination.name", () => {
      expect(typePathNode(span({ "messaging.destination.name": "order.created" }, SpanKind.PRODUCER), [])).toEqual({
        type: "topic",
        identifier: "order.created",
        service: "orders",
      });
    });

    it("reads the older messaging.destination", () => {
      expect(typePathNode(span({ "messaging.destination": "order.created" }, SpanKind.CONSUMER), [])?.identifier).toBe("order.created");
    });

    it("wins over rule 4 for a producer whose consumer reports", () => {
      expect(typePathNode(span({ "messaging.destination.name": "t" }, SpanKind.PRODUCER), [{ service: "mailer" }])?.type).toBe("topic");
    });
  });

  describe("rule 4: a call its callee reports contributes no node", () => {
    it("drops a CLIENT span with a child from another service", () => {
      expect(typePathNode(span({ "server.address": "users" }, SpanKind.CLIENT), [{ service: "orders" }, { service: "users" }])).toBeNull();
    });

    it("drops a PRODUCER span with a child from another service", () => {
      expect(typePathNode(span({}, SpanKind.PRODUCER), [{ service: "mailer" }])).toBeNull();
    });

    it("keeps a CLIENT span whose children are all its own service's", () => {
      expect(typePathNode(span({ "peer.service": "users" }, SpanKind.CLIENT), [{ service: "orders" }])).toEqual({
        type: "service",
        identifier: "users",
        service: "users",
      });
    });

    it("does not apply to SERVER or INTERNAL spans", () => {
      expect(typePathNode(span({}, SpanKind.SERVER), [{ service: "users" }])?.identifier).toBe("orders");
      expect(typePathNode(span({}, SpanKind.INTERNAL), [{ service: "users" }])?.identifier).toBe("orders");
    });
  });

  describe("rule 5: a CLIENT span nobody answered names its peer", () => {
    it("uses peer.service first", () => {
      const attributes = { "peer.service": "stripe", "server.address": "api.stripe.com", "net.peer.name": "old" };
      expect(typePathNode(span(attributes, SpanKind.CLIENT), [])).toEqual({ type: "service", identifier: "stripe", service: "stripe" });
    });

    it("then server.address", () => {
      expect(typePathNode(span({ "server.address": "api.stripe.com", "net.peer.name": "old" }, SpanKind.CLIENT), [])?.identifier).toBe("api.stripe.com");
    });

    it("then the older net.peer.name", () => {
      expect(typePathNode(span({ "net.peer.name": "legacy-host" }, SpanKind.CLIENT), [])?.identifier).toBe("legacy-host");
    });

    it("then its own service", () => {
      expect(typePathNode(span({}, SpanKind.CLIENT), [])).toEqual({ type: "service", identifier: "orders", service: "orders" });
    });

    it("skips blank and non-text values", () => {
      expect(typePathNode(span({ "peer.service": " ", "server.address": ["a"], "net.peer.name": true }, SpanKind.CLIENT), [])?.identifier).toBe("orders");
    });

    it("does not apply to an unanswered PRODUCER", () => {
      expect(typePathNode(span({ "peer.service": "kafka" }, SpanKind.PRODUCER), [])?.identifier).toBe("orders");
    });
  });

  describe("rule 6: anything else is its own service", () => {
    it.each([SpanKind.UNSPECIFIED, SpanKind.INTERNAL, SpanKind.SERVER, SpanKind.CONSUMER])("kind %i", (kind) => {
      expect(typePathNode(span({ "peer.service": "ignored" }, kind, "gateway"), [])).toEqual({
        type: "service",
        identifier: "gateway",
        service: "gateway",
      });
    });
  });

  it("does not read attributes inherited from Object.prototype", () => {
    expect(typePathNode(span({}, SpanKind.SERVER), [])?.type).toBe("service");
    const hostile = JSON.parse('{"__proto__": {"http.route": "/evil"}}') as Attributes;
    expect(typePathNode(span(hostile), [])?.type).toBe("service");
  });
});
