import { describe, expect, it } from "vitest";
import { zipkinToOtlp } from "./zipkin-to-otlp";

const T1 = "86154a4ba6e91385";
const T2 = "4d1e00c0db9010db86154a4ba6e91385";

function span(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { traceId: T1, id: "4d1e00c0db9010db", name: "get", timestamp: 1472470996199000, duration: 207000, localEndpoint: { serviceName: "frontend" }, ...overrides };
}

describe("zipkinToOtlp", () => {
  it("makes one request per trace, grouping spans by local service", () => {
    const converted = zipkinToOtlp([
      span({ id: "01" }),
      span({ id: "02", parentId: "01", localEndpoint: { serviceName: "backend" } }),
      span({ id: "03", parentId: "01" }),
      span({ traceId: T2, id: "01" }),
    ]);
    expect(converted.problems).toEqual([]);
    expect(converted.requests.map((r) => [r.where, r.spanCount])).toEqual([
      [`trace ${T1}`, 3],
      [`trace ${T2}`, 1],
    ]);
    const [first] = converted.requests;
    expect(first.request.resourceSpans.map((rs) => [rs.resource.attributes[0].value, rs.scopeSpans[0].spans.map((s) => s.spanId.slice(-2))])).toEqual([
      [{ stringValue: "frontend" }, ["01", "03"]],
      [{ stringValue: "backend" }, ["02"]],
    ]);
  });

  it("reads the array of traces Zipkin's UI downloads, with paths into it", () => {
    const converted = zipkinToOtlp([[span({ id: "01" })], [span({ traceId: T2, id: "02", timestamp: "later" })]], { fileName: "zipkin.json" });
    expect(converted.spanCount).toBe(1);
    expect(converted.problems).toEqual([{ where: "zipkin.json at [1][0].timestamp", message: 'must be a whole number of microseconds, not the string "later".' }]);
  });

  it("reads a single span object", () => {
    expect(zipkinToOtlp(span()).spanCount).toBe(1);
  });

  it("skips the whole trace of a bad span, and only the span when its trace id is unreadable", () => {
    const converted = zipkinToOtlp([span({ id: "01" }), span({ id: "02", kind: "BROKER" }), span({ traceId: T2, id: "03" }), span({ traceId: "zz", id: "04" })]);
    expect(converted.requests.map((r) => r.where)).toEqual([`trace ${T2}`]);
    expect(converted).toMatchObject({ spanCount: 1, skippedSpanCount: 3 });
    expect(converted.problems.map((p) => p.where)).toEqual(["[1].kind", "[3].traceId"]);
  });

  it("merges pieces of a span and leaves out, with a problem, a piece that never got a timestamp", () => {
    const converted = zipkinToOtlp([
      span({ id: "01", duration: undefined }),
      span({ id: "01", timestamp: undefined, duration: 207000, annotations: [{ timestamp: 1472470996199500, value: "flush" }] }),
      span({ id: "02", parentId: "01", timestamp: undefined, localEndpoint: { serviceName: "elsewhere" } }),
    ]);
    expect(converted).toMatchObject({ spanCount: 1, skippedSpanCount: 1 });
    expect(converted.problems).toEqual([
      { where: "[2]", message: "has no timestamp, so it cannot be placed in time: left out. (Zipkin reporters send such pieces when part of a span is reported apart.)" },
    ]);
    const [merged] = converted.requests[0].request.resourceSpans[0].scopeSpans[0].spans;
    expect(merged).toMatchObject({ endTimeUnixNano: "1472470996406000000", events: [{ name: "flush" }] });
  });

  it("reports a span id used twice by unrelated spans, and keeps the first", () => {
    const converted = zipkinToOtlp([span({ id: "01", localEndpoint: { serviceName: "a" } }), span({ id: "01", localEndpoint: { serviceName: "b" } })]);
    expect(converted).toMatchObject({ spanCount: 1, skippedSpanCount: 1 });
    expect(converted.problems).toEqual([
      { where: "[1]", message: "repeats the span id 0000000000000001 of [0] (not pieces of one span from one host, nor an RPC's client and server): left out." },
    ]);
  });

  it("explains what is not Zipkin", () => {
    expect(zipkinToOtlp({ spans: [] }).problems).toEqual([{ where: "the file", message: "is not Zipkin v2 JSON: expected an array of spans, or an array of traces (arrays of spans)." }]);
    expect(zipkinToOtlp([]).problems).toEqual([{ where: "the file", message: "holds no spans: nothing to import." }]);
    expect(zipkinToOtlp([7]).problems).toEqual([{ where: "[0]", message: "must be an object, not the number 7." }]);
  });
});
