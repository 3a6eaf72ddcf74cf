import { describe, expect, it } from "vitest";
import { SpanKind, type SpanKindNumber } from "../otlp/span";
import { makeTraceSpan, TEST_TRACE_ID } from "../traces/testing/make-trace-span";
import { checkoutTraceSpans, UNSAFE_USER_ID } from "./testing/checkout-trace";
import { buildTraceContext } from "./trace-context";

describe("buildTraceContext", () => {
  const trace = buildTraceContext(checkoutTraceSpans());

  it("summarises the trace: id, wall-clock duration, counts, services in order of appearance", () => {
    expect(trace.id).toBe(TEST_TRACE_ID);
    expect(trace.duration_ms).toBe(120);
    expect(trace.span_count).toBe(4);
    expect(trace.services).toEqual(["gateway", "user-service"]);
    expect(trace.errors.map((span) => span.name)).toEqual(["GET session"]);
  });

  it("orders spans by start whatever the arrival order, and picks the parentless span as root", () => {
    expect(trace.spans.map((span) => span.name)).toEqual(["GET /users/:id", "GET /internal/users/:id", "SELECT users", "GET session"]);
    expect(trace.root).toBe(trace.spans[0]);
    expect(buildTraceContext([...checkoutTraceSpans()].reverse()).spans.map((span) => span.id)).toEqual(trace.spans.map((span) => span.id));
  });

  it("puts a parent before a child that starts at the same instant", () => {
    const child = makeTraceSpan({ spanId: "0000000000000002", parentSpanId: "0000000000000001", name: "child", startMs: 5, endMs: 6 });
    const parent = makeTraceSpan({ spanId: "0000000000000001", name: "parent", startMs: 5, endMs: 9 });
    expect(buildTraceContext([child, parent]).spans.map((span) => span.name)).toEqual(["parent", "child"]);
  });

  it("maps a span's fields, times relative to the trace start", () => {
    const cache = trace.span("GET session")!;
    expect(cache).toEqual({
      id: "00000000000000d4",
      parent_id: "00000000000000b2",
      name: "GET session",
      service: "user-service",
      kind: "client",
      status: "error",
      status_message: "connection refused",
      duration_ms: 5,
      start_ms: 65,
      attributes: { "db.system.name": "redis" },
      resource: {},
      events: [{ name: "exception", attributes: { "exception.type": "ConnectionError", "exception.message": "connect ECONNREFUSED" } }],
    });
    expect(trace.root!.parent_id).toBeNull();
    expect(trace.root!.resource).toEqual({ "service.name": "gateway", "service.version": "1.4.2" });
  });

  it("names every OTLP span kind and reads an out-of-range one as unspecified", () => {
    const kinds = [0, 1, 2, 3, 4, 5, 9].map((kind, i) =>
      makeTraceSpan({ spanId: `000000000000000${i + 1}`, startMs: i, kind: kind as SpanKindNumber }),
    );
    expect(buildTraceContext(kinds).spans.map((span) => span.kind)).toEqual([
      "unspecified",
      "internal",
      "server",
      "client",
      "producer",
      "consumer",
      "unspecified",
    ]);
  });

  it("unwraps tagged attribute values", () => {
    const span = makeTraceSpan({
      spanId: "0000000000000001",
      attributes: {
        small: { $int: "-42" },
        big: { $int: UNSAFE_USER_ID },
        integral: { $double: 3 },
        nan: { $double: "NaN" },
        negativeZero: { $double: "-0" },
        bytes: { $bytes: "AQI=" },
        tagLike: { $kvlist: { $int: "not a number" } },
        nested: [{ $int: "7" }, { inner: { $double: 2 } }],
        // Computed, so the literal defines the key rather than setting the prototype.
        ["__proto__"]: "a key like any other",
      },
    });
    const attributes = buildTraceContext([span]).spans[0].attributes;
    expect(attributes.small).toBe(-42);
    expect(attributes.big).toBe(UNSAFE_USER_ID);
    expect(attributes.integral).toBe(3);
    expect(attributes.nan).toBeNaN();
    expect(Object.is(attributes.negativeZero, -0)).toBe(true);
    expect(attributes.bytes).toBe("AQI=");
    expect(attributes.tagLike).toEqual({ $int: "not a number" });
    expect(attributes.nested).toEqual([7, { inner: 2 }]);
    expect(Object.hasOwn(attributes, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
  });

  it("finds spans by service or by operation name", () => {
    expect(trace.span("user-service")?.name).toBe("GET /internal/users/:id");
    expect(trace.span("SELECT users")?.service).toBe("user-service");
    expect(trace.span("nowhere")).toBeNull();
    expect(trace.matchingSpans("user-service").map((span) => span.name)).toEqual(["GET /internal/users/:id", "SELECT users", "GET session"]);
  });

  it("drops exact retries of a span, keeping one", () => {
    const spans = checkoutTraceSpans();
    expect(buildTraceContext([...spans, ...spans.slice(0, 2)]).span_count).toBe(4);
  });

  it("leaves root nil when the parentless span never arrived", () => {
    const orphans = checkoutTraceSpans().filter((span) => span.parentSpanId !== "");
    const partial = buildTraceContext(orphans);
    expect(partial.root).toBeNull();
    expect(partial.span_count).toBe(3);
    expect(partial.duration_ms).toBe(100.5);
    expect(partial.spans[0].start_ms).toBe(0);
  });

  it("builds an empty context from no spans", () => {
    const empty = buildTraceContext([]);
    expect(empty).toMatchObject({ id: "", duration_ms: 0, span_count: 0, spans: [], root: null, services: [], errors: [] });
    expect(empty.span("x")).toBeNull();
  });

  it("measures the wall clock, not the root's own duration", () => {
    const spans = [
      makeTraceSpan({ spanId: "0000000000000001", kind: SpanKind.SERVER, startMs: 100, endMs: 110 }),
      makeTraceSpan({ spanId: "0000000000000002", parentSpanId: "0000000000000001", startMs: 105, endMs: 250 }),
    ];
    const context = buildTraceContext(spans);
    expect(context.duration_ms).toBe(150);
    expect(context.spans.map((span) => span.start_ms)).toEqual([0, 5]);
  });
});
