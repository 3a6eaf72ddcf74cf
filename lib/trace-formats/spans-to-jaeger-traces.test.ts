import { describe, expect, it } from "vitest";
import { makeSpan } from "../otlp/testing/make-span";
import type { Span, SpanLink } from "../otlp/span";
import { jaegerTraceId, spansToJaegerTraces, toJaegerQueryResponse } from "./spans-to-jaeger-traces";

const TRACE = "5b8efff798038103d269b633813fc60c";
const resource = { attributes: { "service.name": "orders", "host.name": "h1", "process.pid": 42 }, droppedAttributesCount: 0, schemaUrl: "" };
const scope = { name: "io.opentelemetry.http", version: "2.1", attributes: {}, droppedAttributesCount: 0, schemaUrl: "" };

function span(overrides: Partial<Span>): Span {
  return makeSpan({ traceId: TRACE, resource, scope, service: "orders", ...overrides });
}

describe("spansToJaegerTraces", () => {
  it("writes the exact JSON the Jaeger query service answers", () => {
    const root = span({
      spanId: "eee19b7ec3c1b173",
      flags: 0x301,
      name: "GET /orders/:id",
      kind: 2,
      status: "error",
      statusMessage: "timeout",
      traceState: "ot=p:8",
      startNs: 1700000000123456789n,
      endNs: 1700000000223456999n,
      attributes: { "http.route": "/orders/:id", "http.response.status_code": 504, ratio: 0.25, ok: false, big: { $int: "9007199254740993" } },
      events: [{ timeNs: 1700000000200000000n, name: "exception", attributes: { "exception.type": "Timeout" }, droppedAttributesCount: 0 }],
    });
    const [trace] = spansToJaegerTraces([root]);
    expect(JSON.parse(JSON.stringify(toJaegerQueryResponse([trace])))).toEqual({
      data: [
        {
          traceID: TRACE,
          spans: [
            {
              traceID: TRACE,
              spanID: "eee19b7ec3c1b173",
              flags: 1,
              operationName: "GET /orders/:id",
              references: [],
              startTime: 1700000000123456,
              duration: 100000,
              tags: [
                { key: "otel.scope.name", type: "string", value: "io.opentelemetry.http" },
                { key: "otel.scope.version", type: "string", value: "2.1" },
                { key: "http.route", type: "string", value: "/orders/:id" },
                { key: "http.response.status_code", type: "int64", value: 504 },
                { key: "ratio", type: "float64", value: 0.25 },
                { key: "ok", type: "bool", value: false },
                { key: "big", type: "int64", value: "9007199254740993" },
                { key: "span.kind", type: "string", value: "server" },
                { key: "otel.status_code", type: "string", value: "ERROR" },
                { key: "error", type: "bool", value: true },
                { key: "otel.status_description", type: "string", value: "timeout" },
                { key: "w3c.tracestate", type: "string", value: "ot=p:8" },
              ],
              logs: [
                {
                  timestamp: 1700000000200000,
                  fields: [
                    { key: "event", type: "string", value: "exception" },
                    { key: "exception.type", type: "string", value: "Timeout" },
                  ],
                },
              ],
              processID: "p1",
              warnings: null,
            },
          ],
          processes: {
            p1: {
              serviceName: "orders",
              tags: [
                { key: "host.name", type: "string", value: "h1" },
                { key: "process.pid", type: "int64", value: 42 },
              ],
            },
          },
          warnings: null,
        },
      ],
      total: 0,
      limit: 0,
      offset: 0,
      errors: null,
    });
    // Jaeger's field order, and `flags` left out when 0 (Go's omitempty).
    expect(Object.keys(trace.spans[0])).toEqual(["traceID", "spanID", "flags", "operationName", "references", "startTime", "duration", "tags", "logs", "processID", "warnings"]);
    expect(Object.keys(spansToJaegerTraces([span({ flags: 0 })])[0].spans[0])).not.toContain("flags");
  });

  it("puts the parent first as CHILD_OF and types links by opentracing.ref_type", () => {
    const other = "0af7651916cd43dd8448eb211c80319c";
    const link = (traceId: string, spanId: string, refType?: string): SpanLink => ({
      traceId,
      spanId,
      traceState: "",
      flags: 0,
      attributes: refType === undefined ? {} : { "opentracing.ref_type": refType },
      droppedAttributesCount: 0,
    });
    const [trace] = spansToJaegerTraces([
      span({ parentSpanId: "1111111111111111", links: [link(other, "2222222222222222"), link(other, "3333333333333333", "child_of"), link("", "", "child_of")] }),
      // A link to the parent retypes the parent reference instead of repeating it.
      span({ spanId: "4444444444444444", parentSpanId: "1111111111111111", links: [link(TRACE, "1111111111111111", "follows_from")] }),
    ]);
    expect(trace.spans.map((s) => s.references)).toEqual([
      [
        { refType: "CHILD_OF", traceID: TRACE, spanID: "1111111111111111" },
        { refType: "FOLLOWS_FROM", traceID: other, spanID: "2222222222222222" },
        { refType: "CHILD_OF", traceID: other, spanID: "3333333333333333" },
      ],
      [{ refType: "FOLLOWS_FROM", traceID: TRACE, spanID: "1111111111111111" }],
    ]);
  });

  it("shares one process id between spans of the same service and resource, numbered in order of use", () => {
    const other = { attributes: { "service.name": "users" }, droppedAttributesCount: 0, schemaUrl: "" };
    const sameContentOtherObject = { ...resource, attributes: { ...resource.attributes } };
    const [trace] = spansToJaegerTraces([span({ spanId: "01" }), span({ spanId: "02", resource: other, service: "users" }), span({ spanId: "03", resource: sameContentOtherObject })]);
    expect(trace.spans.map((s) => s.processID)).toEqual(["p1", "p2", "p1"]);
    expect(Object.keys(trace.processes)).toEqual(["p1", "p2"]);
  });

  it("names a resource without service.name by Flowprint's service", () => {
    const bare = { attributes: {}, droppedAttributesCount: 0, schemaUrl: "" };
    expect(spansToJaegerTraces([span({ resource: bare, service: "unknown" })])[0].processes.p1).toEqual({ serviceName: "unknown", tags: [] });
  });

  it("groups several traces in order of first appearance and keeps span order", () => {
    const traces = spansToJaegerTraces([span({ spanId: "01" }), span({ traceId: `${"0".repeat(16)}00000000000000ab`, spanId: "02" }), span({ spanId: "03" })]);
    expect(traces.map((t) => [t.traceID, t.spans.map((s) => s.spanID)])).toEqual([
      [TRACE, ["01", "03"]],
      ["00000000000000ab", ["02"]],
    ]);
  });

  it("turns @jaeger@warnings back into warnings, truncates times to microseconds and never writes a negative duration", () => {
    const [trace] = spansToJaegerTraces([span({ attributes: { "@jaeger@warnings": ["skew"], a: "b" }, startNs: 1999n, endNs: 1000n })]);
    expect(trace.spans[0]).toMatchObject({ warnings: ["skew"], startTime: 1, duration: 0 });
    expect(trace.spans[0].tags.map((t) => t.key)).toEqual(["otel.scope.name", "otel.scope.version", "a", "span.kind"]);
  });

  it("writes arrays and maps as Go's JSON text, as Jaeger shows them", () => {
    const [trace] = spansToJaegerTraces([span({ scope: { ...scope, name: "", version: "" }, kind: 0, attributes: { list: ["a<b", 1, true], map: { z: 1, a: { $double: 2 } } } })]);
    expect(trace.spans[0].tags).toEqual([
      { key: "list", type: "string", value: '["a\\u003cb",1,true]' },
      { key: "map", type: "string", value: '{"a":2,"z":1}' },
    ]);
  });
});

describe("jaegerTraceId", () => {
  it("writes 16 digits when the high half is zero, as Jaeger's TraceID.String()", () => {
    expect(jaegerTraceId("00000000000000000000000000000001")).toBe("0000000000000001");
    expect(jaegerTraceId("0df84e36b9e2ee3815d07f0867a5be1f")).toBe("0df84e36b9e2ee3815d07f0867a5be1f");
  });
});
