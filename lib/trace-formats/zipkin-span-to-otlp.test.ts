import { describe, expect, it } from "vitest";
import { readZipkinSpan } from "./read-zipkin-span";
import { UNKNOWN_SPAN_NAME, zipkinSpanToOtlp } from "./zipkin-span-to-otlp";

function convert(raw: Record<string, unknown>) {
  return zipkinSpanToOtlp(readZipkinSpan({ traceId: "463ac35c9f6413ad48485a3953bb6124", id: "a2fb4a1d1a96d312", timestamp: 1700000000000001, ...raw }, "[0]", 0));
}

describe("zipkinSpanToOtlp", () => {
  it("maps a client span with both endpoints as the Collector does", () => {
    const { resource, scope, span } = convert({
      parentId: "0020000000000001",
      kind: "CLIENT",
      name: "get /api",
      duration: 2500,
      localEndpoint: { serviceName: "frontend", ipv4: "192.168.99.1", port: 3000 },
      remoteEndpoint: { serviceName: "backend", ipv6: "2001:db8::c001", port: 8080 },
      tags: { "http.method": "GET", "http.path": "/api" },
    });
    expect(resource).toEqual([{ key: "service.name", value: { stringValue: "frontend" } }]);
    expect(scope).toEqual({ name: "", version: "" });
    expect(span).toEqual({
      traceId: "463ac35c9f6413ad48485a3953bb6124",
      spanId: "a2fb4a1d1a96d312",
      parentSpanId: "0020000000000001",
      name: "get /api",
      kind: 3,
      startTimeUnixNano: "1700000000000001000",
      endTimeUnixNano: "1700000000002501000",
      attributes: [
        { key: "http.method", value: { stringValue: "GET" } },
        { key: "http.path", value: { stringValue: "/api" } },
        { key: "net.host.ip", value: { stringValue: "192.168.99.1" } },
        { key: "net.host.port", value: { intValue: "3000" } },
        { key: "peer.service", value: { stringValue: "backend" } },
        { key: "net.peer.ip", value: { stringValue: "2001:db8::c001" } },
        { key: "net.peer.port", value: { intValue: "8080" } },
      ],
      events: [],
      links: [],
      status: { code: 0 },
    });
  });

  it("maps each Zipkin kind, and a span.kind tag on a span without kind", () => {
    expect(["SERVER", "CLIENT", "PRODUCER", "CONSUMER"].map((kind) => convert({ kind }).span.kind)).toEqual([2, 3, 4, 5]);
    expect(convert({ tags: { "span.kind": "internal" } }).span).toMatchObject({ kind: 1, attributes: [] });
    expect(convert({ tags: { "span.kind": "weird" } }).span).toMatchObject({ kind: 0, attributes: [{ key: "span.kind", value: { stringValue: "weird" } }] });
  });

  it("reads the status from otel.status_code and from the error tag, whatever its value", () => {
    expect(convert({ tags: { "otel.status_code": "ERROR", "otel.status_description": "boom" } }).span).toMatchObject({ status: { code: 2, message: "boom" }, attributes: [] });
    expect(convert({ tags: { "otel.status_code": "STATUS_CODE_OK" } }).span.status).toEqual({ code: 1 });
    expect(convert({ tags: { error: "true" } }).span).toMatchObject({ status: { code: 2 }, attributes: [] });
    expect(convert({ tags: { error: "404" } }).span).toMatchObject({ status: { code: 2, message: "404" }, attributes: [{ key: "error", value: { stringValue: "404" } }] });
    expect(convert({ tags: { error: "" } }).span.status).toEqual({ code: 2 });
  });

  it("moves resource-attribute tags to the resource and the scope tags to the scope", () => {
    const { resource, scope, span } = convert({
      localEndpoint: { serviceName: "api" },
      tags: { "telemetry.sdk.language": "java", "service.version": "1.4", "otel.library.name": "okhttp", "otel.library.version": "4", "http.method": "GET" },
    });
    expect(resource.map((kv) => kv.key)).toEqual(["service.name", "telemetry.sdk.language", "service.version"]);
    expect(scope).toEqual({ name: "okhttp", version: "4" });
    expect(span.attributes.map((kv) => kv.key)).toEqual(["http.method"]);
    expect(convert({ tags: { "otel.scope.name": "s" } }).scope).toEqual({ name: "s", version: "" });
  });

  it("decodes the OpenTelemetry exporter's encodings of links and event attributes, and keeps other text whole", () => {
    const { span } = convert({
      tags: {
        "otlp.link.0": "0af7651916cd43dd8448eb211c80319c|b7ad6b7169203331|rojo=1|{\"k\":\"v\",\"n\":2}|1",
        "otlp.link.1": "not|a|link",
        "w3c.tracestate": "congo=t61",
      },
      annotations: [
        { timestamp: 1700000000000002, value: "retry|{\"attempt\":2,\"ratio\":0.5,\"ok\":true}|0" },
        { timestamp: 1700000000000003, value: "cache miss | key=a" },
      ],
    });
    expect(span.links).toEqual([
      { traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", traceState: "rojo=1", attributes: [{ key: "k", value: { stringValue: "v" } }, { key: "n", value: { intValue: "2" } }], droppedAttributesCount: 1 },
    ]);
    // Links are numbered from 0 without gaps: otlp.link.1 is not one and stays a tag.
    expect(span.attributes).toEqual([{ key: "otlp.link.1", value: { stringValue: "not|a|link" } }]);
    expect(span.traceState).toBe("congo=t61");
    expect(span.events).toEqual([
      { timeUnixNano: "1700000000000002000", name: "retry", attributes: [{ key: "attempt", value: { intValue: "2" } }, { key: "ratio", value: { doubleValue: 0.5 } }, { key: "ok", value: { boolValue: true } }] },
      { timeUnixNano: "1700000000000003000", name: "cache miss | key=a", attributes: [] },
    ]);
  });

  it("names a span without a name as Zipkin's UI does, and has no service.name without a local service", () => {
    const { resource, span } = convert({});
    expect(span.name).toBe(UNKNOWN_SPAN_NAME);
    expect(resource).toEqual([]);
  });
});
