import { describe, expect, it } from "vitest";
import type { AttributeMap, OtlpJsonAnyValue } from "./otlp-json";
import { takeJaegerStatus } from "./take-jaeger-status";

function attrs(entries: Record<string, OtlpJsonAnyValue>): AttributeMap {
  return new Map(Object.entries(entries));
}

describe("takeJaegerStatus", () => {
  it("takes error=true as ERROR, with otel.status_description or else http.status_message as message", () => {
    const a = attrs({ error: { boolValue: true }, "otel.status_code": { stringValue: "OK" }, "otel.status_description": { stringValue: "boom" }, x: { stringValue: "y" } });
    expect(takeJaegerStatus(a, 0)).toEqual({ code: 2, message: "boom" });
    expect([...a.keys()]).toEqual(["x"]);
    const b = attrs({ error: { boolValue: true }, "http.status_message": { stringValue: "Bad Gateway" } });
    expect(takeJaegerStatus(b, 0)).toEqual({ code: 2, message: "Bad Gateway" });
    expect([...b.keys()]).toEqual(["http.status_message"]);
  });

  it("reads otel.status_code in any case; an unknown value is UNSET", () => {
    expect(takeJaegerStatus(attrs({ "otel.status_code": { stringValue: "error" } }), 0)).toEqual({ code: 2 });
    const unknown = attrs({ "otel.status_code": { stringValue: "MAYBE" }, "otel.status_description": { stringValue: "?" } });
    expect(takeJaegerStatus(unknown, 0)).toEqual({ code: 0, message: "?" });
    expect(unknown.size).toBe(0);
  });

  it("leaves a string error tag alone: only a bool error is Jaeger's error flag", () => {
    const a = attrs({ error: { stringValue: "true" } });
    expect(takeJaegerStatus(a, 0)).toEqual({ code: 0 });
    expect(a.has("error")).toBe(true);
  });

  it.each([
    [200, 2, 0],
    [399, 3, 0],
    [404, 2, 0],
    [404, 3, 2],
    [404, 0, 2],
    [500, 2, 2],
    [99, 2, 2],
  ])("HTTP %i on a span of kind %i → status %i", (httpCode, kind, code) => {
    expect(takeJaegerStatus(attrs({ "http.status_code": { intValue: String(httpCode) } }), kind).code).toBe(code);
  });
});
