import { describe, expect, it } from "vitest";
import type { OtlpJsonSpan } from "./otlp-json";
import { OtlpRequestBuilder } from "./otlp-request-builder";

function span(spanId: string): OtlpJsonSpan {
  return {
    traceId: "1".repeat(32),
    spanId,
    parentSpanId: "",
    name: "op",
    kind: 0,
    startTimeUnixNano: "1",
    endTimeUnixNano: "2",
    attributes: [],
    events: [],
    links: [],
    status: { code: 0 },
  };
}

describe("OtlpRequestBuilder", () => {
  it("groups spans by equal resource attributes, then by scope, in order first seen", () => {
    const a = [{ key: "service.name", value: { stringValue: "a" } }];
    const b = [{ key: "service.name", value: { stringValue: "b" } }];
    const builder = new OtlpRequestBuilder();
    builder.add(a, { name: "", version: "" }, span("01"));
    builder.add(b, { name: "s", version: "1" }, span("02"));
    builder.add([{ key: "service.name", value: { stringValue: "a" } }], { name: "", version: "" }, span("03"));
    builder.add(a, { name: "s", version: "" }, span("04"));
    expect(builder.spanCount).toBe(4);
    expect(builder.build().resourceSpans.map((rs) => [rs.resource.attributes, rs.scopeSpans.map((ss) => [ss.scope, ss.spans.map((s) => s.spanId)])])).toEqual([
      [
        a,
        [
          [{ name: "" }, ["01", "03"]],
          [{ name: "s" }, ["04"]],
        ],
      ],
      [b, [[{ name: "s", version: "1" }, ["02"]]]],
    ]);
  });
});
