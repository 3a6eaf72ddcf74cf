import { describe, expect, it } from "vitest";
import { importTraceFile } from "./import-trace-file";

const TRACE = "5b8efff798038103d269b633813fc60c";
const otlpLine = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: TRACE, spanId: "eee19b7ec3c1b174", name: "op" }] }] }] });

describe("importTraceFile", () => {
  it("detects the format and converts with the matching reader", () => {
    expect(importTraceFile(`${otlpLine}\n${otlpLine}`).format).toBe("otlp-json-lines");
    expect(importTraceFile(otlpLine)).toMatchObject({ format: "otlp-json", spanCount: 1 });
    expect(importTraceFile(JSON.stringify([{ traceId: TRACE, id: "01", timestamp: 1 }]))).toMatchObject({ format: "zipkin-json", spanCount: 1 });
    const jaeger = { traceID: TRACE, spans: [{ traceID: TRACE, spanID: "01", operationName: "op", startTime: 1, duration: 1, processID: "p1" }], processes: { p1: { serviceName: "s" } } };
    expect(importTraceFile(JSON.stringify({ data: [jaeger] }))).toMatchObject({ format: "jaeger-json", spanCount: 1 });
  });

  it("returns the detection problem when the file is no trace format", () => {
    expect(importTraceFile("{", { fileName: "x.json" })).toEqual({
      format: null,
      requests: [],
      spanCount: 0,
      skippedSpanCount: 0,
      problems: [{ where: "x.json:1:2", message: "not valid JSON: the file ends inside an object: expected a property name." }],
    });
  });
});
