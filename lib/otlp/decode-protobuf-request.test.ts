import { create, toBinary } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeTraceRequest, OtlpDecodeError } from "./index";
import type { AnyValue } from "./any-value";
import { ExportTraceServiceRequestSchema } from "./gen/opentelemetry/proto/collector/trace/v1/trace_service_pb";
import type { Span_SpanKind } from "./gen/opentelemetry/proto/trace/v1/trace_pb";
import { createSdkSpans, serializeProtobufRequest } from "./testing/create-sdk-request";
import {
  bytesOf,
  encodeProtobuf,
  PARENT_SPAN_ID,
  protoAttributes,
  requestInit,
  SPAN_ID,
  spanInit,
  TRACE_ID,
  type SpanInit,
} from "./testing/build-otlp-request";

const WS = "ws_1";

function decode(body: Uint8Array, receivedAtMs = 0) {
  return decodeTraceRequest(body, "protobuf", WS, receivedAtMs);
}

function decodeSpans(spans: SpanInit[]) {
  return decode(encodeProtobuf(requestInit(spans)));
}

const ALL_TYPES: Record<string, AnyValue> = {
  string: { type: "string", value: "text" },
  emptyString: { type: "string", value: "" },
  boolFalse: { type: "bool", value: false },
  boolTrue: { type: "bool", value: true },
  intZero: { type: "int", value: 0n },
  intNegative: { type: "int", value: -7n },
  intMaxSafe: { type: "int", value: 9007199254740991n },
  intBeyondSafe: { type: "int", value: 9007199254740992n },
  intMax: { type: "int", value: 9223372036854775807n },
  intMin: { type: "int", value: -9223372036854775808n },
  doubleZero: { type: "double", value: 0 },
  doubleNegativeZero: { type: "double", value: -0 },
  doubleIntegral: { type: "double", value: 3 },
  doubleFraction: { type: "double", value: 1.5 },
  doubleNaN: { type: "double", value: NaN },
  doubleInfinity: { type: "double", value: Infinity },
  doubleNegativeInfinity: { type: "double", value: -Infinity },
  bytes: { type: "bytes", value: Uint8Array.of(0, 1, 254, 255) },
  emptyBytes: { type: "bytes", value: new Uint8Array(0) },
  empty: { type: "empty" },
  emptyArray: { type: "array", values: [] },
  mixedArray: { type: "array", values: [{ type: "int", value: 1n }, { type: "double", value: 1 }, { type: "string", value: "1" }, { type: "empty" }, { type: "bool", value: false }] },
  emptyKvlist: { type: "kvlist", values: [] },
  kvlist: {
    type: "kvlist",
    values: [
      { key: "nested", value: { type: "kvlist", values: [{ key: "deep", value: { type: "array", values: [{ type: "int", value: 0n }] } }] } },
      { key: "n", value: { type: "int", value: 0n } },
    ],
  },
  kvlistLookingTagged: { type: "kvlist", values: [{ key: "$int", value: { type: "string", value: "5" } }] },
};

const ALL_TYPES_ENCODED = {
  string: "text",
  emptyString: "",
  boolFalse: false,
  boolTrue: true,
  intZero: 0,
  intNegative: -7,
  intMaxSafe: 9007199254740991,
  intBeyondSafe: { $int: "9007199254740992" },
  intMax: { $int: "9223372036854775807" },
  intMin: { $int: "-9223372036854775808" },
  doubleZero: { $double: 0 },
  doubleNegativeZero: { $double: "-0" },
  doubleIntegral: { $double: 3 },
  doubleFraction: 1.5,
  doubleNaN: { $double: "NaN" },
  doubleInfinity: { $double: "Infinity" },
  doubleNegativeInfinity: { $double: "-Infinity" },
  bytes: { $bytes: "AAH+/w==" },
  emptyBytes: { $bytes: "" },
  empty: null,
  emptyArray: [],
  mixedArray: [1, { $double: 1 }, "1", null, false],
  emptyKvlist: {},
  kvlist: { nested: { deep: [0] }, n: 0 },
  kvlistLookingTagged: { $kvlist: { $int: "5" } },
};

describe("decodeTraceRequest(protobuf)", () => {
  it("keeps every attribute value type on spans, resources, scopes, events and links", () => {
    const attributes = protoAttributes(ALL_TYPES);
    const body = encodeProtobuf({
      resourceSpans: [
        {
          resource: { attributes: [...protoAttributes({ "service.name": { type: "string", value: "orders" } }), ...attributes], droppedAttributesCount: 2 },
          schemaUrl: "https://opentelemetry.io/schemas/1.26.0",
          scopeSpans: [
            {
              scope: { name: "scope", version: "1", attributes, droppedAttributesCount: 3 },
              schemaUrl: "https://opentelemetry.io/schemas/1.27.0",
              spans: [
                spanInit({
                  attributes,
                  droppedAttributesCount: 4,
                  events: [{ timeUnixNano: 18446744073709551615n, name: "ev", attributes, droppedAttributesCount: 5 }],
                  droppedEventsCount: 6,
                  links: [{ traceId: bytesOf(TRACE_ID), spanId: bytesOf(PARENT_SPAN_ID), traceState: "k=v", flags: 0x301, attributes, droppedAttributesCount: 7 }],
                  droppedLinksCount: 8,
                  traceState: "vendor=abc",
                  flags: 0x101,
                  status: { code: 2, message: "failed" },
                }),
              ],
            },
          ],
        },
      ],
    });
    const { spans, rejectedSpans } = decode(body);
    expect(rejectedSpans).toBe(0);
    expect(spans).toHaveLength(1);
    const [span] = spans;
    expect(span.attributes).toStrictEqual(ALL_TYPES_ENCODED);
    expect(span.resource).toStrictEqual({
      attributes: { "service.name": "orders", ...ALL_TYPES_ENCODED },
      droppedAttributesCount: 2,
      schemaUrl: "https://opentelemetry.io/schemas/1.26.0",
    });
    expect(span.scope).toStrictEqual({ name: "scope", version: "1", attributes: ALL_TYPES_ENCODED, droppedAttributesCount: 3, schemaUrl: "https://opentelemetry.io/schemas/1.27.0" });
    expect(span.events).toStrictEqual([{ timeNs: 18446744073709551615n, name: "ev", attributes: ALL_TYPES_ENCODED, droppedAttributesCount: 5 }]);
    expect(span.links).toStrictEqual([{ traceId: TRACE_ID, spanId: PARENT_SPAN_ID, traceState: "k=v", flags: 0x301, attributes: ALL_TYPES_ENCODED, droppedAttributesCount: 7 }]);
    expect(span).toMatchObject({
      workspaceId: WS,
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      parentSpanId: PARENT_SPAN_ID,
      traceState: "vendor=abc",
      flags: 0x101,
      service: "orders",
      kind: 2,
      status: "error",
      statusMessage: "failed",
      startNs: 1_700_000_000_123_456_789n,
      endNs: 1_700_000_000_223_456_789n,
      droppedAttributesCount: 4,
      droppedEventsCount: 6,
      droppedLinksCount: 8,
      isTestGenerated: false,
      isSynthetic: false,
    });
  });

  it("keeps the largest fixed64 timestamp exactly", () => {
    const { spans } = decodeSpans([spanInit({ startTimeUnixNano: 18446744073709551614n, endTimeUnixNano: 18446744073709551615n })]);
    expect(spans[0].startNs).toBe(18446744073709551614n);
    expect(spans[0].endNs).toBe(18446744073709551615n);
  });

  it("maps status codes and span kinds, reading unknown kinds as unspecified", () => {
    const { spans } = decodeSpans([
      spanInit({ spanId: bytesOf("0000000000000001"), kind: 3, status: { code: 1 } }),
      spanInit({ spanId: bytesOf("0000000000000002"), kind: 9 as Span_SpanKind, status: { code: 0 } }),
      spanInit({ spanId: bytesOf("0000000000000003"), kind: 5 }),
    ]);
    expect(spans.map((s) => [s.kind, s.status])).toStrictEqual([
      [3, "ok"],
      [0, "unset"],
      [5, "unset"],
    ]);
  });

  it("uses service.name, else unknown", () => {
    expect(decode(encodeProtobuf(requestInit([spanInit()], "payments"))).spans[0].service).toBe("payments");
    expect(decode(encodeProtobuf(requestInit([spanInit()], ""))).spans[0].service).toBe("unknown");
    expect(decode(encodeProtobuf(requestInit([spanInit()], null))).spans[0].service).toBe("unknown");
    const numericName = encodeProtobuf({ resourceSpans: [{ resource: { attributes: protoAttributes({ "service.name": { type: "int", value: 1n } }) }, scopeSpans: [{ spans: [spanInit()] }] }] });
    expect(decode(numericName).spans[0].service).toBe("unknown");
  });

  it("gives spans without a start time the receive time, and without an end time their start", () => {
    const { spans } = decode(encodeProtobuf(requestInit([spanInit({ startTimeUnixNano: 0n, endTimeUnixNano: 0n })])), 1_700_000_000_500);
    expect(spans[0].startNs).toBe(1_700_000_000_500_000_000n);
    expect(spans[0].endNs).toBe(1_700_000_000_500_000_000n);
  });

  it("shares resource and scope objects between the spans of one ResourceSpans / ScopeSpans", () => {
    const { spans } = decodeSpans([spanInit({ spanId: bytesOf("0000000000000001") }), spanInit({ spanId: bytesOf("0000000000000002") })]);
    expect(spans[0].resource).toBe(spans[1].resource);
    expect(spans[0].scope).toBe(spans[1].scope);
  });

  it("reads a resource and scope sent after their spans", () => {
    // Protobuf fields may come in any order; build ResourceSpans{scope_spans, resource} by hand.
    const spanBytes = new BinaryWriter().bytes(spanBody()).finish();
    const scopeSpans = new BinaryWriter().tag(2, WireType.LengthDelimited).raw(spanBytes).tag(1, WireType.LengthDelimited).bytes(new BinaryWriter().tag(1, WireType.LengthDelimited).string("late-scope").finish()).finish();
    const resource = new BinaryWriter().tag(1, WireType.LengthDelimited).bytes(encodeKeyValue("service.name", "late-service")).finish();
    const resourceSpans = new BinaryWriter().tag(2, WireType.LengthDelimited).bytes(scopeSpans).tag(1, WireType.LengthDelimited).bytes(resource).finish();
    const body = new BinaryWriter().tag(1, WireType.LengthDelimited).bytes(resourceSpans).finish();
    const [late] = decode(body).spans;
    expect(late.service).toBe("late-service");
    expect(late.scope.name).toBe("late-scope");
    expect(late.traceId).toBe(TRACE_ID);
  });

  it("ignores unknown fields of every wire type at every level", () => {
    const endGroup = ((103 << 3) | WireType.EndGroup) as number; // 828: a two-byte varint
    const unknown = [
      { no: 99, wireType: WireType.Varint, data: Uint8Array.of(0x96, 0x01) },
      { no: 104, wireType: WireType.Varint, data: Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01) },
      { no: 100, wireType: WireType.LengthDelimited, data: Uint8Array.of(3, 1, 2, 3) },
      { no: 101, wireType: WireType.Bit32, data: Uint8Array.of(1, 2, 3, 4) },
      { no: 102, wireType: WireType.Bit64, data: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8) },
      { no: 103, wireType: WireType.StartGroup, data: Uint8Array.of(0x08, 0x01, (endGroup & 0x7f) | 0x80, endGroup >>> 7) },
    ];
    const init = requestInit([spanInit({ attributes: protoAttributes({ a: { type: "int", value: 1n } }), events: [{ name: "e" }], links: [{}], status: { code: 1 } })]);
    const plain = decode(encodeProtobuf(init));

    // Unknown fields only survive on created messages, so add them after create().
    const request = create(ExportTraceServiceRequestSchema, init);
    const messages: { $unknown?: unknown[] }[] = [request];
    for (const rs of request.resourceSpans) {
      messages.push(rs, rs.resource!, ...rs.resource!.attributes, ...rs.resource!.attributes.map((kv) => kv.value!));
      for (const ss of rs.scopeSpans) {
        messages.push(ss, ss.scope!);
        for (const sp of ss.spans) messages.push(sp, sp.status!, ...sp.events, ...sp.links, ...sp.attributes, ...sp.attributes.map((kv) => kv.value!));
      }
    }
    for (const message of messages) message.$unknown = unknown;
    const body = toBinary(ExportTraceServiceRequestSchema, request);
    expect(body.length).toBeGreaterThan(encodeProtobuf(init).length + messages.length * 30); // the unknown fields are really there
    const withUnknown = decode(body);
    expect(withUnknown).toStrictEqual(plain);
    expect(plain.spans[0].status).toBe("ok");
  });

  describe("rejects invalid spans and keeps the rest", () => {
    const cases: [string, Partial<SpanInit>, string][] = [
      ["trace_id all zero", { traceId: new Uint8Array(16) }, "1 span rejected: 1 with an invalid trace_id (all zero)"],
      ["trace_id of 15 bytes", { traceId: new Uint8Array(15).fill(1) }, "1 span rejected: 1 with an invalid trace_id (not 16 bytes)"],
      ["trace_id missing", { traceId: new Uint8Array(0) }, "1 span rejected: 1 without a trace_id"],
      ["span_id all zero", { spanId: new Uint8Array(8) }, "1 span rejected: 1 with an invalid span_id (all zero)"],
      ["span_id of 16 bytes", { spanId: new Uint8Array(16).fill(1) }, "1 span rejected: 1 with an invalid span_id (not 8 bytes)"],
      ["span_id missing", { spanId: new Uint8Array(0) }, "1 span rejected: 1 without a span_id"],
      ["parent_span_id of 4 bytes", { parentSpanId: Uint8Array.of(1, 2, 3, 4) }, "1 span rejected: 1 with an invalid parent_span_id (not 8 bytes)"],
      ["parent_span_id all zero", { parentSpanId: new Uint8Array(8) }, "1 span rejected: 1 with an invalid parent_span_id (all zero)"],
      ["empty name", { name: "" }, "1 span rejected: 1 without a name"],
    ];
    it.each(cases)("%s", (_label, overrides, message) => {
      const good = spanInit({ spanId: bytesOf("00000000000000aa") });
      const result = decodeSpans([good, spanInit(overrides)]);
      expect(result.spans.map((s) => s.spanId)).toStrictEqual(["00000000000000aa"]);
      expect(result.rejectedSpans).toBe(1);
      expect(result.errorMessage).toBe(message);
    });

    it("summarises several reasons, counting each span once under its first problem", () => {
      const result = decodeSpans([
        spanInit({ traceId: new Uint8Array(16) }),
        spanInit({ name: "" }),
        spanInit({ name: "" }),
        spanInit({ traceId: new Uint8Array(16), name: "" }),
        spanInit(),
        spanInit({ parentSpanId: new Uint8Array(0) }),
      ]);
      expect(result.spans).toHaveLength(2);
      expect(result.spans[1].parentSpanId).toBe("");
      expect(result.rejectedSpans).toBe(4);
      expect(result.errorMessage).toBe("4 spans rejected: 2 with an invalid trace_id (all zero), 2 without a name");
    });

    it("keeps links whose ids are invalid, as sent", () => {
      const { spans } = decodeSpans([spanInit({ links: [{ traceId: new Uint8Array(0), spanId: Uint8Array.of(0xab) }] })]);
      expect(spans[0].links[0]).toMatchObject({ traceId: "", spanId: "ab" });
    });
  });

  describe("throws OtlpDecodeError for bodies that are not ExportTraceServiceRequest protobuf", () => {
    const valid = serializeProtobufRequest(createSdkSpans(2));

    it.each([
      ["truncated by one byte", valid.subarray(0, valid.length - 1)],
      ["truncated to half", valid.subarray(0, valid.length >> 1)],
      ["truncated inside a length prefix", Uint8Array.of(0x0a, 0x80)],
      ["a length beyond the body", Uint8Array.of(0x0a, 0xff, 0xff, 0xff, 0x0f, 0x00)],
      ["field number 0", Uint8Array.of(0x00, 0x01)],
      ["wire type 7", Uint8Array.of(0x0f)],
      ["an unmatched end-group", Uint8Array.of(0x0c)],
      ["a varint longer than 10 bytes", Uint8Array.of(0x08, ...new Array<number>(10).fill(0xff), 0x01)],
      ["a nested field overrunning its message", Uint8Array.of(0x0a, 0x02, 0x1a, 0x05, 0x61, 0x62, 0x63, 0x64, 0x65)],
      ["text", new TextEncoder().encode("this is not protobuf, it is a sentence.")],
      ["JSON", new TextEncoder().encode('{"resourceSpans":[]}')],
    ])("%s", (_label, body) => {
      expect(() => decode(body)).toThrow(OtlpDecodeError);
    });

    it("attribute values nested deeper than 100 levels", () => {
      let value: AnyValue = { type: "int", value: 1n };
      for (let i = 0; i < 150; i++) value = { type: "array", values: [value] };
      expect(() => decodeSpans([spanInit({ attributes: protoAttributes({ deep: value }) })])).toThrow(/nested too deeply/);
    });

    it("random bytes (seeded)", () => {
      // A fixed sequence from a small LCG; verified to be unparseable.
      let seed = 42;
      const random = Uint8Array.from({ length: 4096 }, () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24);
      expect(() => decode(random)).toThrow(OtlpDecodeError);
    });

    it("never anything but OtlpDecodeError for arbitrary bytes", () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
          try {
            decode(bytes);
          } catch (error) {
            expect(error).toBeInstanceOf(OtlpDecodeError);
          }
        }),
        { numRuns: 2000 },
      );
    });

    it("never anything but OtlpDecodeError for corrupted real requests", () => {
      fc.assert(
        fc.property(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 }), fc.nat(valid.length), (at, byte, cut) => {
          const corrupted = valid.slice(0, Math.max(cut, at + 1));
          corrupted[at] = byte;
          try {
            decode(corrupted);
          } catch (error) {
            expect(error).toBeInstanceOf(OtlpDecodeError);
          }
        }),
        { numRuns: 2000 },
      );
    });
  });
});

function encodeKeyValue(key: string, value: string): Uint8Array {
  const anyValue = new BinaryWriter().tag(1, WireType.LengthDelimited).string(value).finish();
  return new BinaryWriter().tag(1, WireType.LengthDelimited).string(key).tag(2, WireType.LengthDelimited).bytes(anyValue).finish();
}

/** A minimal valid Span message. */
function spanBody(): Uint8Array {
  return new BinaryWriter()
    .tag(1, WireType.LengthDelimited)
    .bytes(bytesOf(TRACE_ID))
    .tag(2, WireType.LengthDelimited)
    .bytes(bytesOf(SPAN_ID))
    .tag(5, WireType.LengthDelimited)
    .string("late")
    .finish();
}
