import { describe, expect, it } from "vitest";
import type { Attributes } from "../otlp/span";
import { buildTraceContext, evaluateAssertion, parseAssertion } from "../trace-assert";
import type { PathNode } from "../traces/path-node";
import { databaseWriteAssertions, type RecordedSpan } from "./assert-database-writes";
import { buildFlowprintTest, type ExportableFlow } from "./build-flowprint-test";
import { orderTraceSpans } from "./testing/order-trace";

const ORDERS_DB: PathNode = { type: "database", identifier: "orders", service: "orders" };
const PATH: PathNode[] = [{ type: "api_endpoint", identifier: "POST /orders", service: "orders" }, ORDERS_DB];

function span(attributes: Attributes, name = "db call", service = "orders"): RecordedSpan {
  return { service, name, attributes };
}

/** The representative's spans as the store hands them over: every span of the trace. */
function recorded(operation: "INSERT" | "SELECT"): RecordedSpan[] {
  return orderTraceSpans({ tier: "gold", loyalty: true, databaseOperation: operation }).map((s) => ({ service: s.service, name: s.name, attributes: s.attributes }));
}

describe("databaseWriteAssertions", () => {
  it("asserts a write with the operation and table the representative recorded", () => {
    expect(databaseWriteAssertions(PATH, recorded("INSERT"))).toEqual([
      "trace.spans | any(.service == 'orders' and .attributes['db.namespace'] == 'orders' and .attributes['db.operation.name'] == 'INSERT' and .attributes['db.collection.name'] == 'orders')",
    ]);
  });

  it("fails a run that only reads the table, and passes one that writes it", () => {
    const [assertion] = databaseWriteAssertions(PATH, recorded("INSERT"));
    const reads = buildTraceContext(orderTraceSpans({ tier: "gold", loyalty: true, databaseOperation: "SELECT" }));
    const writes = buildTraceContext(orderTraceSpans({ tier: "gold", loyalty: true, databaseOperation: "INSERT" }));
    const noDatabase = buildTraceContext(orderTraceSpans({ tier: "gold", loyalty: true, databaseOperation: null }));
    expect(evaluateAssertion(assertion, writes).status).toBe("passed");
    expect(evaluateAssertion(assertion, reads).status).toBe("failed");
    expect(evaluateAssertion(assertion, noDatabase).status).toBe("failed");
  });

  it("adds nothing for reads", () => {
    expect(databaseWriteAssertions(PATH, recorded("SELECT"))).toEqual([]);
  });

  it("uses the query summary or the span name when no operation attribute says it is a write", () => {
    const summary = span({ "db.system.name": "postgresql", "db.namespace": "orders", "db.operation.name": "execute", "db.query.summary": "UPDATE orders" });
    expect(databaseWriteAssertions(PATH, [summary])).toEqual([
      "trace.spans | any(.service == 'orders' and .attributes['db.namespace'] == 'orders' and .attributes['db.query.summary'] == 'UPDATE orders')",
    ]);
    const named = span({ "db.system": "mysql", "db.name": "orders", "db.statement": "DELETE FROM carts WHERE id = 7" }, "DELETE orders.carts");
    expect(databaseWriteAssertions(PATH, [named])).toEqual(["trace.spans | any(.service == 'orders' and .attributes['db.name'] == 'orders' and .name == 'DELETE orders.carts')"]);
  });

  it("leaves out a write only its statement text describes, since the text carries the run's values", () => {
    const statementOnly = span({ "db.system.name": "postgresql", "db.namespace": "orders", "db.query.text": "INSERT INTO orders (id) VALUES ('o-1')" }, "postgresql");
    expect(databaseWriteAssertions(PATH, [statementOnly])).toEqual([]);
  });

  it("asserts a write a span name alone tells", () => {
    const named = span({ "db.system.name": "redis" }, "SET", "cart");
    expect(databaseWriteAssertions([{ type: "database", identifier: "redis", service: "cart" }], [named])).toEqual([
      "trace.spans | any(.service == 'cart' and .attributes['db.system.name'] == 'redis' and .name == 'SET')",
    ]);
  });

  it("asserts an operation without a recorded table on its own", () => {
    const mongo = span({ "db.system": "mongodb", "db.name": "orders", "db.operation": "insertOne" }, "mongodb");
    expect(databaseWriteAssertions(PATH, [mongo])).toEqual(["trace.spans | any(.service == 'orders' and .attributes['db.name'] == 'orders' and .attributes['db.operation'] == 'insertOne')"]);
  });

  it("keys a database without a namespace by its system, and keeps numbers numbers", () => {
    const redis = span({ "db.system.name": "redis", "db.operation.name": "HSET" }, "HSET", "cart");
    const indexed = span({ "db.system.name": "redis", "db.namespace": 0, "db.operation.name": "DEL" }, "DEL", "cart");
    const path: PathNode[] = [
      { type: "database", identifier: "redis", service: "cart" },
      { type: "database", identifier: "0", service: "cart" },
    ];
    const assertions = databaseWriteAssertions(path, [indexed, redis]);
    expect(assertions).toEqual([
      "trace.spans | any(.service == 'cart' and .attributes['db.system.name'] == 'redis' and .attributes['db.operation.name'] == 'HSET')",
      "trace.spans | any(.service == 'cart' and .attributes['db.namespace'] == 0 and .attributes['db.operation.name'] == 'DEL')",
    ]);
    for (const assertion of assertions) expect(parseAssertion(assertion).ok).toBe(true);
  });

  it("asserts each distinct write once, and none to a database off the path", () => {
    const insert = span({ "db.system.name": "sqlite", "db.namespace": "orders", "db.operation.name": "INSERT", "db.collection.name": "orders" });
    const audit = span({ "db.system.name": "sqlite", "db.namespace": "audit", "db.operation.name": "INSERT", "db.collection.name": "events" });
    expect(databaseWriteAssertions(PATH, [insert, insert, audit])).toHaveLength(1);
  });

  it("ignores spans typed as endpoints and spans of no database", () => {
    const routed = span({ "http.route": "/orders", "db.system.name": "sqlite", "db.namespace": "orders", "db.operation.name": "INSERT" });
    expect(databaseWriteAssertions(PATH, [routed, span({ "http.request.method": "POST" })])).toEqual([]);
  });
});

describe("buildFlowprintTest: database writes", () => {
  const flow: ExportableFlow = {
    id: "3f0c7c5e-8d7e-4a55-9a43-5b8f1c2d9e10",
    name: "orders → POST /orders",
    entryService: "orders",
    entryOperation: "POST /orders",
    fingerprint: "ac768ca7c2225b8d4baf791c12f0d40fd1b916bf5e116a5721abe671297820e7",
    path: PATH,
    occurrenceCount: 10,
    riskScore: 0.1,
    errorRate: 0,
    p95DurationMs: 100,
    nodeP95Ms: new Map(),
  };
  const entry = { traceId: "0af7651916cd43dd8448eb211c80319c", spanName: "POST /orders", attributes: { "http.request.method": "POST", "http.route": "/orders" } };

  it("asserts the representative's writes after the other assertions", () => {
    const test = buildFlowprintTest(flow, { ...entry, spans: recorded("INSERT") }, { timeoutMs: 30_000 });
    expect(test.expect_trace.trace_assert.slice(-1)).toEqual(databaseWriteAssertions(PATH, recorded("INSERT")));
    expect(test.expect_trace.trace_assert).toHaveLength(4);
  });

  it("asserts no write when the spans are not known", () => {
    expect(buildFlowprintTest(flow, entry, { timeoutMs: 30_000 }).expect_trace.trace_assert).toHaveLength(3);
  });
});

describe("databaseWriteAssertions: names", () => {
  it("does not take the namespace in a span name for a table", () => {
    const write = span({ "db.system.name": "postgresql", "db.namespace": "orders", "db.operation.name": "INSERT" }, "INSERT orders");
    expect(databaseWriteAssertions(PATH, [write])).toEqual(["trace.spans | any(.service == 'orders' and .attributes['db.namespace'] == 'orders' and .attributes['db.operation.name'] == 'INSERT')"]);
  });
});
