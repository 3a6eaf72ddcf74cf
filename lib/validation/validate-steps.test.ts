import { describe, expect, it } from "vitest";
import { SpanKind } from "../otlp/span";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import { splitSpansByStep, validateSteps } from "./validate-steps";

const server = (spanId: string, parentSpanId: string, route: string, startMs: number, service = "orders") =>
  makeTraceSpan({ spanId, parentSpanId, service, kind: SpanKind.SERVER, name: `GET ${route}`, startMs, endMs: startMs + 5, attributes: { "http.request.method": route === "/orders" ? "POST" : "GET", "http.route": route } });
const db = (spanId: string, parentSpanId: string, startMs: number) => makeTraceSpan({ spanId, parentSpanId, service: "orders", kind: SpanKind.CLIENT, name: "SELECT", startMs, endMs: startMs + 1, attributes: { "db.system.name": "sqlite", "db.namespace": "orders" } });

// Steps `create`, `read` and `read_again` were sent under step spans s1, s2, s3 (not loaded: the runner's own).
const spans = [server("a", "s1", "/orders", 0), db("a1", "a", 1), server("b", "s2", "/orders/:id", 10), db("b1", "b", 11), server("c", "s3", "/orders/:id", 20)];
const stepOf = new Map([["s1", "create"], ["s2", "read"], ["s3", "read_again"]]);

describe("splitSpansByStep", () => {
  it("gives each span the step it was sent under, through any depth", () => {
    const split = splitSpansByStep(spans, stepOf);
    expect([...split].map(([id, s]) => [id, s.map((x) => x.spanId)])).toEqual([["create", ["a", "a1"]], ["read", ["b", "b1"]], ["read_again", ["c"]]]);
  });
  it("leaves out spans under no step and survives a parent loop", () => {
    const loop = [makeTraceSpan({ spanId: "x", parentSpanId: "y" }), makeTraceSpan({ spanId: "y", parentSpanId: "x" })];
    expect(splitSpansByStep(loop, stepOf).size).toBe(0);
  });
});

describe("validateSteps", () => {
  const split = splitSpansByStep(spans, stepOf);
  const read = [{ type: "api_endpoint" as const, identifier: "GET /orders/:id" }, { type: "database" as const, identifier: "orders" }];
  it("checks each step's part of the trace against its own nodes", () => {
    const results = validateSteps([{ id: "read", nodes: read }, { id: "read_again", nodes: read }], split);
    expect(results[0]).toMatchObject({ id: "read", status: "passed", path_match: true });
    // The second read skipped the database: a whole-trace path would have hidden it behind the first read.
    expect(results[1]).toMatchObject({ id: "read_again", status: "failed", missing_nodes: [{ type: "database", identifier: "orders", index: 1 }] });
  });
  it("is inconclusive for a step no span arrived under", () => {
    expect(validateSteps([{ id: "delete", nodes: read }], split)[0]).toMatchObject({ status: "inconclusive", reason: "no span of the system arrived under step delete" });
  });
});
