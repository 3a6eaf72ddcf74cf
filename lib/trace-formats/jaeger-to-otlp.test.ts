import { describe, expect, it } from "vitest";
import { decodeImportedRequests } from "./decode-imported-requests";
import { EMPTY_SPAN_NAME, jaegerToOtlp } from "./jaeger-to-otlp";
import type { OtlpJsonRequest, OtlpJsonSpan } from "./otlp-json";

const TRACE = "5b8efff798038103d269b633813fc60c";

/** A Jaeger span with the fields a test is not about filled in. */
function jSpan(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    traceID: TRACE,
    spanID: "eee19b7ec3c1b174",
    operationName: "GET /orders",
    references: [],
    startTime: 1700000000123456,
    duration: 2500,
    tags: [],
    logs: [],
    processID: "p1",
    warnings: null,
    ...overrides,
  };
}

function jTrace(spans: Record<string, unknown>[], processes: Record<string, unknown> = { p1: { serviceName: "orders", tags: [] } }): Record<string, unknown> {
  return { traceID: TRACE, spans, processes, warnings: null };
}

function onlyRequest(document: unknown): OtlpJsonRequest {
  const converted = jaegerToOtlp(document);
  expect(converted.problems).toEqual([]);
  expect(converted.requests).toHaveLength(1);
  return converted.requests[0].request;
}

function onlySpan(spanOverrides: Record<string, unknown>): OtlpJsonSpan {
  return onlyRequest(jTrace([jSpan(spanOverrides)])).resourceSpans[0].scopeSpans[0].spans[0];
}

function tag(key: string, type: string, value: unknown) {
  return { key, type, value };
}

describe("jaegerToOtlp: the span", () => {
  it("maps ids, name, times and the process as OTLP/JSON", () => {
    expect(onlyRequest({ data: [jTrace([jSpan()])] })).toEqual({
      resourceSpans: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "orders" } }] },
          scopeSpans: [
            {
              scope: { name: "" },
              spans: [
                {
                  traceId: TRACE,
                  spanId: "eee19b7ec3c1b174",
                  parentSpanId: "",
                  name: "GET /orders",
                  kind: 0,
                  startTimeUnixNano: "1700000000123456000",
                  endTimeUnixNano: "1700000000125956000",
                  attributes: [],
                  events: [],
                  links: [],
                  status: { code: 0 },
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it("pads 64-bit trace ids and short span ids, and lowercases them", () => {
    const span = onlySpan({ traceID: "00ABCDEF12345678", spanID: "1F" });
    expect(span.traceId).toBe("000000000000000000abcdef12345678");
    expect(span.spanId).toBe("000000000000001f");
  });

  it("reads span.kind into the kind and drops the tag; an unknown value stays an attribute", () => {
    expect(onlySpan({ tags: [tag("span.kind", "string", "client")] })).toMatchObject({ kind: 3, attributes: [] });
    expect(onlySpan({ tags: [tag("span.kind", "string", "internal")] }).kind).toBe(1);
    expect(onlySpan({ tags: [tag("span.kind", "string", "rpc")] })).toMatchObject({ kind: 0, attributes: [{ key: "span.kind", value: { stringValue: "rpc" } }] });
  });

  it("reads the status: error=true wins, otel.status_code and its description, else the HTTP code", () => {
    expect(onlySpan({ tags: [tag("error", "bool", true), tag("otel.status_code", "string", "OK"), tag("otel.status_description", "string", "boom")] })).toMatchObject({
      status: { code: 2, message: "boom" },
      attributes: [],
    });
    expect(onlySpan({ tags: [tag("otel.status_code", "string", "ok")] }).status).toEqual({ code: 1 });
    expect(onlySpan({ tags: [tag("error", "bool", false)] })).toMatchObject({ status: { code: 0 }, attributes: [{ key: "error", value: { boolValue: false } }] });
    // The HTTP code is read, not consumed: 5xx is an error, 4xx only for the client.
    const server503 = onlySpan({ tags: [tag("span.kind", "string", "server"), tag("http.status_code", "int64", 503), tag("http.status_message", "string", "Unavailable")] });
    expect(server503).toMatchObject({ status: { code: 2, message: "Unavailable" } });
    expect(server503.attributes.map((a) => a.key)).toEqual(["http.status_code", "http.status_message"]);
    expect(onlySpan({ tags: [tag("span.kind", "string", "server"), tag("http.status_code", "int64", 404)] }).status).toEqual({ code: 0 });
    expect(onlySpan({ tags: [tag("span.kind", "string", "client"), tag("http.status_code", "string", "404")] }).status).toEqual({ code: 2 });
    expect(onlySpan({ tags: [tag("http.response.status_code", "int64", 500)] }).status).toEqual({ code: 2 });
  });

  it("moves otel.scope.name/version to the scope and w3c.tracestate to the trace state", () => {
    const request = onlyRequest(
      jTrace([jSpan({ tags: [tag("otel.scope.name", "string", "io.opentelemetry.jdbc"), tag("otel.scope.version", "string", "1.2"), tag("w3c.tracestate", "string", "ot=p:8")] })]),
    );
    const scopeSpans = request.resourceSpans[0].scopeSpans[0];
    expect(scopeSpans.scope).toEqual({ name: "io.opentelemetry.jdbc", version: "1.2" });
    expect(scopeSpans.spans[0]).toMatchObject({ traceState: "ot=p:8", attributes: [] });
  });

  it("keeps the sampled flag and nothing else of Jaeger's flags", () => {
    expect(onlySpan({ flags: 1 }).flags).toBe(1);
    expect(onlySpan({ flags: 3 }).flags).toBe(1);
    expect(onlySpan({ flags: 2 }).flags).toBeUndefined();
  });

  it("types tags as Jaeger typed them", () => {
    const span = onlySpan({
      tags: [tag("s", "string", "x"), tag("b", "bool", "true"), tag("i", "int64", "9223372036854775807"), tag("f", "float64", 0.5), tag("bin", "binary", "AAAwOQ==")],
    });
    expect(span.attributes).toEqual([
      { key: "s", value: { stringValue: "x" } },
      { key: "b", value: { boolValue: true } },
      { key: "i", value: { intValue: "9223372036854775807" } },
      { key: "f", value: { doubleValue: 0.5 } },
      { key: "bin", value: { bytesValue: "AAAwOQ==" } },
    ]);
  });

  it("keeps one attribute per key, the last value in the first place, as OTLP requires", () => {
    expect(onlySpan({ tags: [tag("a", "string", "1"), tag("b", "string", "2"), tag("a", "string", "3")] }).attributes).toEqual([
      { key: "a", value: { stringValue: "3" } },
      { key: "b", value: { stringValue: "2" } },
    ]);
  });

  it("turns logs into events named by their event field", () => {
    const span = onlySpan({
      logs: [
        { timestamp: 1700000000124000, fields: [tag("event", "string", "retry"), tag("attempt", "int64", 2)] },
        { timestamp: 1700000000125000, fields: [tag("message", "string", "no name")] },
        { timestamp: 1700000000125500, fields: [tag("event", "int64", 7)] },
      ],
    });
    expect(span.events).toEqual([
      { timeUnixNano: "1700000000124000000", name: "retry", attributes: [{ key: "attempt", value: { intValue: "2" } }] },
      { timeUnixNano: "1700000000125000000", name: "", attributes: [{ key: "message", value: { stringValue: "no name" } }] },
      { timeUnixNano: "1700000000125500000", name: "", attributes: [{ key: "event", value: { intValue: "7" } }] },
    ]);
  });

  it("keeps span warnings in @jaeger@warnings, as Jaeger v2 stores them", () => {
    expect(onlySpan({ warnings: ["clock skew adjusted"] }).attributes).toEqual([
      { key: "@jaeger@warnings", value: { arrayValue: { values: [{ stringValue: "clock skew adjusted" }] } } },
    ]);
  });

  it("names a span without an operation name as Jaeger does, since OTLP requires a name", () => {
    expect(onlySpan({ operationName: "" }).name).toBe(EMPTY_SPAN_NAME);
  });
});

describe("jaegerToOtlp: references", () => {
  const parent = "1111111111111111";
  const other = "2222222222222222";

  it("takes the first CHILD_OF into the same trace as parent; the rest become typed links", () => {
    const span = onlySpan({
      references: [
        { refType: "CHILD_OF", traceID: TRACE, spanID: parent },
        { refType: "FOLLOWS_FROM", traceID: TRACE, spanID: other },
      ],
    });
    expect(span.parentSpanId).toBe(parent);
    expect(span.links).toEqual([{ traceId: TRACE, spanId: other, attributes: [{ key: "opentracing.ref_type", value: { stringValue: "follows_from" } }] }]);
  });

  it("takes a FOLLOWS_FROM as parent when there is no CHILD_OF, and keeps it as a link too so its type survives", () => {
    const span = onlySpan({ references: [{ refType: "FOLLOWS_FROM", traceID: TRACE, spanID: parent }] });
    expect(span.parentSpanId).toBe(parent);
    expect(span.links).toEqual([{ traceId: TRACE, spanId: parent, attributes: [{ key: "opentracing.ref_type", value: { stringValue: "follows_from" } }] }]);
  });

  it("never takes a reference into another trace as parent", () => {
    const span = onlySpan({ references: [{ refType: "CHILD_OF", traceID: "ff", spanID: parent }] });
    expect(span.parentSpanId).toBe("");
    expect(span.links).toEqual([{ traceId: `${"0".repeat(30)}ff`, spanId: parent, attributes: [{ key: "opentracing.ref_type", value: { stringValue: "child_of" } }] }]);
  });

  it("ignores a reference of a span to itself as parent", () => {
    expect(onlySpan({ references: [{ refType: "CHILD_OF", traceID: TRACE, spanID: "eee19b7ec3c1b174" }] }).parentSpanId).toBe("");
  });
});

describe("jaegerToOtlp: processes and shapes", () => {
  it("maps process tags to resource attributes, renaming hostname and jaeger.version as the Collector does", () => {
    const request = onlyRequest(
      jTrace([jSpan()], {
        p1: { serviceName: "orders", tags: [tag("hostname", "string", "h1"), tag("jaeger.version", "string", "Go-2.30"), tag("ip", "string", "10.0.0.1")] },
      }),
    );
    expect(request.resourceSpans[0].resource.attributes).toEqual([
      { key: "service.name", value: { stringValue: "orders" } },
      { key: "ip", value: { stringValue: "10.0.0.1" } },
      { key: "host.name", value: { stringValue: "h1" } },
      { key: "opencensus.exporterversion", value: { stringValue: "Jaeger-Go-2.30" } },
    ]);
  });

  it("gives a process without service the resource Flowprint names unknown", () => {
    const request = onlyRequest(jTrace([jSpan()], { p1: { serviceName: "OTLPResourceNoServiceName", tags: [tag("a", "string", "b")] } }));
    expect(request.resourceSpans[0].resource.attributes).toEqual([]);
    expect(decodeImportedRequests([{ request, where: "", spanCount: 1 }], "ws", 0).spans[0].service).toBe("unknown");
  });

  it("groups spans by process and, within it, by scope", () => {
    const request = onlyRequest(
      jTrace(
        [
          jSpan({ spanID: "01", processID: "p1" }),
          jSpan({ spanID: "02", processID: "p2" }),
          jSpan({ spanID: "03", processID: "p1", tags: [tag("otel.scope.name", "string", "db")] }),
          jSpan({ spanID: "04", processID: "p3" }),
        ],
        { p1: { serviceName: "a", tags: [] }, p2: { serviceName: "b", tags: [] }, p3: { serviceName: "a", tags: [] } },
      ),
    );
    // p3 is the same process as p1 under another id: one resource, as the Collector regroups.
    expect(request.resourceSpans.map((rs) => rs.scopeSpans.map((ss) => [ss.scope.name, ss.spans.map((s) => s.spanId.slice(-2))]))).toEqual([
      [
        ["", ["01", "04"]],
        ["db", ["03"]],
      ],
      [["", ["02"]]],
    ]);
  });

  it("reads a span's embedded process (Jaeger's embedded-process form and the UI's enriched traces)", () => {
    const request = onlyRequest(jTrace([jSpan({ processID: undefined, process: { serviceName: "inline", tags: [] } })], {}));
    expect(request.resourceSpans[0].resource.attributes).toEqual([{ key: "service.name", value: { stringValue: "inline" } }]);
  });

  it("accepts the API's {data}, a bare array of traces and one trace, one request per trace", () => {
    const two = [jTrace([jSpan()]), { ...jTrace([jSpan({ traceID: "ab" })]), traceID: "ab" }];
    expect(jaegerToOtlp({ data: two, total: 0, limit: 0, offset: 0, errors: null }).requests.map((r) => r.where)).toEqual(["data[0]", "data[1]"]);
    expect(jaegerToOtlp(two).requests.map((r) => r.where)).toEqual(["[0]", "[1]"]);
    expect(jaegerToOtlp(two[0], { fileName: "t.json" }).requests.map((r) => [r.where, r.spanCount])).toEqual([["t.json", 1]]);
  });
});

describe("jaegerToOtlp: problems", () => {
  it("names the JSON path and the reason, and skips only the trace holding the bad span", () => {
    const good = jTrace([jSpan()]);
    const bad = jTrace([jSpan(), jSpan(), jSpan(), jSpan({ startTime: "yesterday" })]);
    const converted = jaegerToOtlp({ data: [bad, good] }, { fileName: "export.json" });
    expect(converted.problems).toEqual([{ where: "export.json at data[0].spans[3].startTime", message: 'must be a whole number of microseconds, not the string "yesterday".' }]);
    expect(converted.requests.map((r) => r.where)).toEqual(["export.json at data[1]"]);
    expect(converted).toMatchObject({ spanCount: 1, skippedSpanCount: 4 });
  });

  it.each([
    [{ duration: undefined }, "data[0].spans[0].duration", "is missing; it must be a whole number of microseconds."],
    [{ duration: -5 }, "data[0].spans[0].duration", "must be a whole number of microseconds, not the number -5."],
    [{ spanID: "0000000000000000" }, "data[0].spans[0].spanID", "is all zeros, which is not a valid span id."],
    [{ traceID: "x".repeat(50) }, "data[0].spans[0].traceID", 'must be a trace id of up to 32 hex digits, not the string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…".'],
    [{ processID: "p9" }, "data[0].spans[0].processID", 'names process "p9", which is not in data[0].processes.'],
    [{ references: [{ refType: "PARENT", traceID: TRACE, spanID: "01" }] }, "data[0].spans[0].references[0].refType", 'must be CHILD_OF or FOLLOWS_FROM, not the string "PARENT".'],
    [{ tags: [tag("n", "int64", "12abc")] }, "data[0].spans[0].tags[0].value", 'must be a 64-bit integer, not the string "12abc".'],
    [{ tags: [tag("b", "binary", "not base64!")] }, "data[0].spans[0].tags[0].value", 'must be base64 text (a binary tag), not the string "not base64!".'],
    [{ logs: [{ timestamp: 1.5, fields: [] }] }, "data[0].spans[0].logs[0].timestamp", "must be a whole number of microseconds, not the number 1.5."],
    [{ tags: {} }, "data[0].spans[0].tags", "must be an array, not an object."],
  ])("reports %j at its path", (overrides, where, message) => {
    const converted = jaegerToOtlp({ data: [jTrace([jSpan(overrides)])] });
    expect(converted.problems).toEqual([{ where, message }]);
    expect(converted.requests).toEqual([]);
  });

  it("lists every bad span of a trace, not only the first", () => {
    const converted = jaegerToOtlp(jTrace([jSpan({ startTime: null }), jSpan(), jSpan({ operationName: 7 })]));
    expect(converted.problems.map((p) => p.where)).toEqual(["spans[0].startTime", "spans[2].operationName"]);
  });

  it("explains files that are not Jaeger traces", () => {
    expect(jaegerToOtlp({ hello: 1 }).problems[0].message).toMatch(/^is not Jaeger JSON/);
    expect(jaegerToOtlp({ data: [] }).problems).toEqual([{ where: "the file", message: "holds no traces: nothing to import." }]);
    expect(jaegerToOtlp({ data: [jTrace([])] }).problems).toEqual([{ where: "data[0]", message: "holds no spans: nothing to import." }]);
    expect(jaegerToOtlp({ data: null, errors: [{ code: 404, msg: "trace not found" }] }).problems).toEqual([
      { where: "errors", message: "the Jaeger query API answered with an error instead of traces: trace not found" },
    ]);
    expect(jaegerToOtlp({ data: ["nope"] }).problems).toEqual([{ where: "data[0]", message: 'must be an object, not the string "nope".' }]);
  });
});
