import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnyValue } from "./any-value";
import { decodeAttributeValue } from "./decode-attribute-value";
import { encodeAttributeValue } from "./encode-attribute-value";
import { decodeTraceRequest } from "./index";
import type { AttributeValue } from "./span";
import { encodeProto3Json, encodeProtobuf, protoAttributes, requestInit, spanInit } from "./testing/build-otlp-request";

// Keys that collide with the tags, with Object.prototype, or look like array indices (which
// objects reorder) are the interesting ones.
const keyArbitrary = fc.oneof(
  fc.string(),
  fc.constantFrom("$int", "$double", "$bytes", "$kvlist", "$", "__proto__", "constructor", "toString", "0", "1", "10"),
);

const anyValueArbitrary: fc.Arbitrary<AnyValue> = fc.letrec<{ value: AnyValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant<AnyValue>({ type: "empty" }),
    fc.string({ unit: "grapheme" }).map<AnyValue>((value) => ({ type: "string", value })),
    fc.boolean().map<AnyValue>((value) => ({ type: "bool", value })),
    fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.constantFrom(0n, -1n, 2n ** 53n, 2n ** 53n - 1n, -(2n ** 53n))).map<AnyValue>((value) => ({ type: "int", value })),
    fc.oneof(fc.double(), fc.constantFrom(0, -0, 1, NaN, Infinity, -Infinity, 2 ** 60, Number.MIN_VALUE)).map<AnyValue>((value) => ({ type: "double", value })),
    fc.uint8Array({ maxLength: 24 }).map<AnyValue>((value) => ({ type: "bytes", value })),
    fc.array(tie("value"), { maxLength: 4 }).map<AnyValue>((values) => ({ type: "array", values })),
    fc
      .uniqueArray(fc.record({ key: keyArbitrary, value: tie("value") }), { selector: (e) => e.key, maxLength: 4 })
      .map<AnyValue>((values) => ({ type: "kvlist", values })),
  ),
})).value;

/** Kvlist order carries no meaning in OTLP (and objects reorder integer-like keys), so compare sorted. */
function canonical(value: AnyValue): AnyValue {
  if (value.type === "array") return { type: "array", values: value.values.map(canonical) };
  if (value.type === "kvlist") {
    return { type: "kvlist", values: value.values.map((e) => ({ key: e.key, value: canonical(e.value) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) };
  }
  return value;
}

/** Like toStrictEqual, but tells -0 from 0, which the encoding promises to keep. */
function expectSame(actual: AnyValue, expected: AnyValue): void {
  expect(canonical(actual)).toStrictEqual(canonical(expected));
  if (expected.type === "double") expect(Object.is((actual as { value: number }).value, expected.value)).toBe(true);
  if (expected.type === "array") expected.values.forEach((v, i) => expectSame((actual as { values: AnyValue[] }).values[i], v));
  if (expected.type === "kvlist") {
    const byKey = new Map((actual as { values: { key: string; value: AnyValue }[] }).values.map((e) => [e.key, e.value]));
    for (const entry of expected.values) expectSame(byKey.get(entry.key)!, entry.value);
  }
}

describe("attribute value encoding", () => {
  it.each<[string, AnyValue, AttributeValue]>([
    ["empty", { type: "empty" }, null],
    ["int 0", { type: "int", value: 0n }, 0],
    ["false", { type: "bool", value: false }, false],
    ["int at 2^53-1", { type: "int", value: 2n ** 53n - 1n }, 9007199254740991],
    ["int at 2^53", { type: "int", value: 2n ** 53n }, { $int: "9007199254740992" }],
    ["int at -2^63", { type: "int", value: -(2n ** 63n) }, { $int: "-9223372036854775808" }],
    ["double 0.5", { type: "double", value: 0.5 }, 0.5],
    ["double 1", { type: "double", value: 1 }, { $double: 1 }],
    ["double -0", { type: "double", value: -0 }, { $double: "-0" }],
    ["double NaN", { type: "double", value: NaN }, { $double: "NaN" }],
    ["double -Infinity", { type: "double", value: -Infinity }, { $double: "-Infinity" }],
    ["bytes", { type: "bytes", value: Uint8Array.of(104, 105) }, { $bytes: "aGk=" }],
    ["kvlist", { type: "kvlist", values: [{ key: "a", value: { type: "int", value: 1n } }] }, { a: 1 }],
    ["kvlist shaped like a tag", { type: "kvlist", values: [{ key: "$double", value: { type: "int", value: 1n } }] }, { $kvlist: { $double: 1 } }],
    ["kvlist with a tag and another key", { type: "kvlist", values: [{ key: "$int", value: { type: "empty" } }, { key: "b", value: { type: "empty" } }] }, { $int: null, b: null }],
    ["array", { type: "array", values: [{ type: "string", value: "x" }, { type: "double", value: 2 }] }, ["x", { $double: 2 }]],
  ])("%s", (_label, value, encoded) => {
    expect(encodeAttributeValue(value)).toStrictEqual(encoded);
    expectSame(decodeAttributeValue(encoded), value);
  });

  it("is lossless: any AnyValue survives encode → JSON text → decode", () => {
    fc.assert(
      fc.property(anyValueArbitrary, (value) => {
        const stored = JSON.parse(JSON.stringify(encodeAttributeValue(value))) as AttributeValue;
        expectSame(decodeAttributeValue(stored), value);
      }),
      { numRuns: 3000 },
    );
  });

  it("is lossless through the protobuf decoder", () => {
    fc.assert(
      fc.property(anyValueArbitrary, (value) => {
        const { spans } = decodeTraceRequest(encodeProtobuf(requestInit([spanInit({ attributes: protoAttributes({ v: value }) })])), "protobuf", "w", 0);
        expectSame(decodeAttributeValue(spans[0].attributes.v), value);
      }),
      { numRuns: 1000 },
    );
  });

  it("is lossless through the JSON decoder (except -0, which proto3 JSON writers print as 0)", () => {
    fc.assert(
      fc.property(anyValueArbitrary, (value) => {
        const { spans } = decodeTraceRequest(encodeProto3Json(requestInit([spanInit({ attributes: protoAttributes({ v: value }) })])), "json", "w", 0);
        expectSame(decodeAttributeValue(spans[0].attributes.v), withoutNegativeZero(value));
      }),
      { numRuns: 1000 },
    );
  });
});

function withoutNegativeZero(value: AnyValue): AnyValue {
  if (value.type === "double" && Object.is(value.value, -0)) return { type: "double", value: 0 };
  if (value.type === "array") return { type: "array", values: value.values.map(withoutNegativeZero) };
  if (value.type === "kvlist") return { type: "kvlist", values: value.values.map((e) => ({ key: e.key, value: withoutNegativeZero(e.value) })) };
  return value;
}
