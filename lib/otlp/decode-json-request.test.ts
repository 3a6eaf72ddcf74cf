import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeTraceRequest, OtlpDecodeError } from "./index";
import type { AnyValue } from "./any-value";
import {
  bytesOf,
  encodeProto3Json,
  encodeProtobuf,
  PARENT_SPAN_ID,
  protoAttributes,
  requestInit,
  SPAN_ID,
  spanInit,
  TRACE_ID,
  type RequestInit,
} from "./testing/build-otlp-request";

const WS = "ws_1";

function decodeJson(body: string | Uint8Array) {
  return decodeTraceRequest(typeof body === "string" ? new TextEncoder().encode(body) : body, "json", WS, 0);
}

function decodeProtobuf(init: RequestInit) {
  return decodeTraceRequest(encodeProtobuf(init), "protobuf", WS, 0);
}

/** An OTLP/JSON request with one span; `span` fields override the defaults. */
function otlpJson(span: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "orders" } }] },
        scopeSpans: [
          {
            scope: { name: "s", version: "1" },
            spans: [{ traceId: TRACE_ID, spanId: SPAN_ID, parentSpanId: PARENT_SPAN_ID, name: "op", kind: 2, startTimeUnixNano: "1700000000123456789", endTimeUnixNano: "1700000000223456789", ...span }],
          },
        ],
        ...extra,
      },
    ],
  });
}

// Every AnyValue type except -0, which canonical proto3 JSON writes as 0 (JSON.stringify(-0) is "0").
const VALUES: Record<string, AnyValue> = {
  string: { type: "string", value: "text" },
  emptyString: { type: "string", value: "" },
  boolFalse: { type: "bool", value: false },
  intZero: { type: "int", value: 0n },
  intBeyondSafe: { type: "int", value: 9007199254740993n },
  intMin: { type: "int", value: -9223372036854775808n },
  doubleZero: { type: "double", value: 0 },
  doubleFraction: { type: "double", value: -1.25 },
  doubleNaN: { type: "double", value: NaN },
  doubleInfinity: { type: "double", value: -Infinity },
  bytes: { type: "bytes", value: Uint8Array.of(0, 255, 7) },
  empty: { type: "empty" },
  array: { type: "array", values: [{ type: "int", value: 0n }, { type: "empty" }, { type: "array", values: [] }] },
  kvlist: { type: "kvlist", values: [{ key: "k", value: { type: "kvlist", values: [{ key: "$bytes", value: { type: "string", value: "x" } }] } }] },
};

describe("decodeTraceRequest(json)", () => {
  describe("accepts canonical proto3 JSON (base64 ids, enum names, int64 strings) like its protobuf twin", () => {
    const init = (): RequestInit => ({
      resourceSpans: [
        {
          resource: { attributes: [...protoAttributes({ "service.name": { type: "string", value: "orders" } }), ...protoAttributes(VALUES)], droppedAttributesCount: 1 },
          schemaUrl: "https://opentelemetry.io/schemas/1.26.0",
          scopeSpans: [
            {
              scope: { name: "scope", version: "2", attributes: protoAttributes(VALUES), droppedAttributesCount: 2 },
              schemaUrl: "scope-schema",
              spans: [
                spanInit({
                  kind: 4,
                  flags: 0x301,
                  traceState: "a=b",
                  startTimeUnixNano: 18446744073709551615n,
                  attributes: protoAttributes(VALUES),
                  droppedAttributesCount: 3,
                  events: [{ timeUnixNano: 1n, name: "e", attributes: protoAttributes(VALUES), droppedAttributesCount: 4 }],
                  droppedEventsCount: 5,
                  links: [{ traceId: bytesOf(TRACE_ID), spanId: bytesOf(SPAN_ID), traceState: "c=d", flags: 1, attributes: protoAttributes(VALUES), droppedAttributesCount: 6 }],
                  droppedLinksCount: 7,
                  status: { code: 2, message: "boom" },
                }),
                spanInit({ spanId: bytesOf("0102030405060708"), parentSpanId: new Uint8Array(0), kind: 3, status: { code: 1 } }),
              ],
            },
          ],
        },
      ],
    });

    it.each([
      ["lowerCamelCase field names", false],
      ["snake_case field names", true],
    ])("%s", (_label, useProtoFieldName) => {
      const expected = decodeProtobuf(init());
      expect(expected.spans).toHaveLength(2);
      expect(decodeJson(encodeProto3Json(init(), useProtoFieldName))).toStrictEqual(expected);
    });
  });

  it("reads numbers for 64-bit fields, enum names in any case, null as absent, and ignores unknown fields", () => {
    const lenient = decodeJson(
      otlpJson(
        {
          traceId: TRACE_ID.toUpperCase(),
          kind: "server",
          startTimeUnixNano: 1_700_000_000_000_000_000,
          endTimeUnixNano: "1700000000000000001",
          flags: "257",
          traceState: null,
          droppedAttributesCount: "2",
          status: { code: "STATUS_CODE_ERROR", message: null, deprecatedCode: 2 },
          attributes: [
            { key: "i", value: { intValue: 5 } },
            { key: "s", value: { intValue: "-5" } },
            { key: "d", value: { doubleValue: "2.5" } },
            { key: "n", value: null },
            { key: "missing" },
            { key: "neg0", value: { doubleValue: "NEGATIVE_ZERO" } },
            { key: "unknownType", value: { futureValue: 1 } },
          ],
          somethingNew: { nested: true },
        },
        { somethingElse: [1, 2, 3] },
      ).replace('"NEGATIVE_ZERO"', "-0"), // JSON.stringify cannot write -0
    );
    expect(lenient.rejectedSpans).toBe(0);
    expect(lenient.spans[0]).toMatchObject({
      traceId: TRACE_ID,
      kind: 2,
      startNs: 1_700_000_000_000_000_000n,
      endNs: 1_700_000_000_000_000_001n,
      flags: 257,
      traceState: "",
      droppedAttributesCount: 2,
      status: "error",
      statusMessage: "",
      attributes: { i: 5, s: -5, d: 2.5, n: null, missing: null, neg0: { $double: "-0" }, unknownType: null },
    });
  });

  it("reads the pre-1.0 instrumentationLibrarySpans and instrumentationLibrary names", () => {
    const body = JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "legacy" } }] },
          instrumentationLibrarySpans: [{ instrumentationLibrary: { name: "old-lib", version: "0.1" }, spans: [{ traceId: TRACE_ID, spanId: SPAN_ID, name: "op" }] }],
        },
      ],
    });
    const { spans } = decodeJson(body);
    expect(spans).toHaveLength(1);
    expect(spans[0].service).toBe("legacy");
    expect(spans[0].scope).toMatchObject({ name: "old-lib", version: "0.1" });
  });

  it("accepts ids in base64, including the URL-safe alphabet and without padding", () => {
    const traceBase64 = Buffer.from(bytesOf(TRACE_ID)).toString("base64url"); // no padding
    const spanBase64 = Buffer.from(bytesOf(SPAN_ID)).toString("base64");
    const { spans } = decodeJson(otlpJson({ traceId: traceBase64, spanId: spanBase64, parentSpanId: "" }));
    expect(spans[0]).toMatchObject({ traceId: TRACE_ID, spanId: SPAN_ID, parentSpanId: "" });
  });

  describe("rejects invalid spans and keeps the rest", () => {
    it.each([
      ["a trace id that is neither hex nor base64", { traceId: "not an id!" }, "1 span rejected: 1 with an invalid trace_id (neither hex nor base64)"],
      ["a trace id of 15 bytes of hex", { traceId: "00".repeat(14) + "01" }, "1 span rejected: 1 with an invalid trace_id (not 16 bytes)"],
      ["an all-zero trace id", { traceId: "0".repeat(32) }, "1 span rejected: 1 with an invalid trace_id (all zero)"],
      ["an empty trace id", { traceId: "" }, "1 span rejected: 1 without a trace_id"],
      ["no span id", { spanId: undefined }, "1 span rejected: 1 without a span_id"],
      ["an all-zero span id", { spanId: "0000000000000000" }, "1 span rejected: 1 with an invalid span_id (all zero)"],
      ["a short span id", { spanId: "abcd" }, "1 span rejected: 1 with an invalid span_id (not 8 bytes)"],
      ["a parent id that is not an id", { parentSpanId: "!!" }, "1 span rejected: 1 with an invalid parent_span_id (neither hex nor base64)"],
      ["an all-zero parent id", { parentSpanId: "0000000000000000" }, "1 span rejected: 1 with an invalid parent_span_id (all zero)"],
      ["no name", { name: undefined }, "1 span rejected: 1 without a name"],
    ])("%s", (_label, overrides, message) => {
      const body = JSON.parse(otlpJson(overrides));
      body.resourceSpans[0].scopeSpans[0].spans.push({ traceId: TRACE_ID, spanId: "00000000000000aa", name: "kept" });
      const result = decodeJson(JSON.stringify(body));
      expect(result.spans.map((s) => s.name)).toStrictEqual(["kept"]);
      expect(result.rejectedSpans).toBe(1);
      expect(result.errorMessage).toBe(message);
    });
  });

  describe("throws OtlpDecodeError for bodies it cannot read", () => {
    it.each([
      ["invalid JSON", "{ resourceSpans: [ }"],
      ["truncated JSON", otlpJson({}).slice(0, 50)],
      ["a JSON array", "[]"],
      ["a JSON string", '"resourceSpans"'],
      ["JSON null", "null"],
      ["a JSON number", "42"],
      ["invalid UTF-8", Uint8Array.of(0x7b, 0xff, 0x7d)],
      ["resourceSpans that is not an array", '{"resourceSpans":{}}'],
      ["a span that is not an object", '{"resourceSpans":[{"scopeSpans":[{"spans":[1]}]}]}'],
      ["a timestamp that is not an integer", otlpJson({ startTimeUnixNano: "12a" })],
      ["a negative timestamp", otlpJson({ startTimeUnixNano: "-1" })],
      ["a timestamp beyond 64 bits", otlpJson({ startTimeUnixNano: "18446744073709551616" })],
      ["an unknown enum name", otlpJson({ kind: "SPAN_KIND_SIDEWAYS" })],
      ["a numeric id", otlpJson({ spanId: 12345 })],
      ["a name that is not a string", otlpJson({ name: 5 })],
      ["an attribute without a string key", otlpJson({ attributes: [{ key: 1, value: { stringValue: "x" } }] })],
      ["an int64 attribute beyond 64 bits", otlpJson({ attributes: [{ key: "k", value: { intValue: "9223372036854775808" } }] })],
      ["bytes that are not base64", otlpJson({ attributes: [{ key: "k", value: { bytesValue: "@@@" } }] })],
      ["a boolean written as a string", otlpJson({ attributes: [{ key: "k", value: { boolValue: "true" } }] })],
    ])("%s", (_label, body) => {
      expect(() => decodeJson(body)).toThrow(OtlpDecodeError);
    });

    it("never anything but OtlpDecodeError for arbitrary JSON in any position", () => {
      const anyJson = fc.jsonValue({ maxDepth: 4 });
      const shapes = fc.oneof(
        anyJson,
        anyJson.map((v) => ({ resourceSpans: v })),
        anyJson.map((v) => ({ resourceSpans: [{ resource: v, scopeSpans: [{ scope: v, spans: [v] }] }] })),
        fc.record({ traceId: anyJson, spanId: anyJson, name: anyJson, kind: anyJson, startTimeUnixNano: anyJson, attributes: anyJson, events: anyJson, links: anyJson, status: anyJson }, { requiredKeys: [] }).map((span) => JSON.parse(otlpJson(span))),
        anyJson.map((v) => JSON.parse(otlpJson({ attributes: [{ key: "k", value: v }, { key: "l", value: { arrayValue: { values: [v] } } }, { key: "m", value: { kvlistValue: { values: [{ key: "x", value: v }] } } }] }))),
      );
      fc.assert(
        fc.property(shapes, (body) => {
          try {
            decodeJson(JSON.stringify(body));
          } catch (error) {
            expect(error).toBeInstanceOf(OtlpDecodeError);
          }
        }),
        { numRuns: 2000 },
      );
    });

    it("names the offending field in the message", () => {
      expect(() => decodeJson(otlpJson({ kind: "SIDEWAYS" }))).toThrow(
        "Invalid JSON body: resourceSpans[0].scopeSpans[0].spans[0].kind must be one of SPAN_KIND_UNSPECIFIED, SPAN_KIND_INTERNAL, SPAN_KIND_SERVER, SPAN_KIND_CLIENT, SPAN_KIND_PRODUCER, SPAN_KIND_CONSUMER or its number.",
      );
    });

    it("does not echo the body in the message", () => {
      expect(() => decodeJson('{"secret-token-123": ')).toThrow(/^Invalid JSON body: not valid JSON\.$/);
    });
  });

  it("treats a whitespace-only body and an object without resourceSpans as empty requests", () => {
    expect(decodeJson(" \n").spans).toStrictEqual([]);
    expect(decodeJson("{}")).toStrictEqual({ spans: [], rejectedSpans: 0, errorMessage: "" });
  });

  it("keeps a key named __proto__ as an ordinary attribute", () => {
    const { spans } = decodeJson(otlpJson({ attributes: [{ key: "__proto__", value: { stringValue: "x" } }, { key: "constructor", value: { intValue: 1 } }] }));
    expect(Object.getPrototypeOf(spans[0].attributes)).toBe(Object.prototype);
    expect(Object.keys(spans[0].attributes)).toStrictEqual(["__proto__", "constructor"]);
    expect(JSON.stringify(spans[0].attributes)).toBe('{"__proto__":"x","constructor":1}');
  });

  it("decodes the same request to the same spans as protobuf, sent as OTLP/JSON", () => {
    const init = requestInit([spanInit({ attributes: protoAttributes({ a: { type: "int", value: 1n } }) })]);
    expect(decodeJson(otlpJson({ attributes: [{ key: "a", value: { intValue: "1" } }], name: "GET /orders/:id" }))).toStrictEqual({
      ...decodeProtobuf(init),
      spans: decodeProtobuf(init).spans.map((s) => ({ ...s, scope: { ...s.scope, name: "s", version: "1" } })),
    });
  });
});
