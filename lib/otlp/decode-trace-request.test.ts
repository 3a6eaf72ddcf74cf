// Round trip through the official SDK: spans recorded by @opentelemetry/sdk-trace-base and
// serialized by @opentelemetry/otlp-transformer, exactly as an exporter sends them, must come
// out as Span[] with every field intact, in both encodings.
import { ROOT_CONTEXT, SpanKind as ApiSpanKind, trace, type AttributeValue as SdkAttributeValue, type HrTime } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { decodeTraceRequest, type OtlpEncoding } from "./index";
import type { AttributeValue, Attributes, Span } from "./span";
import { createSdkSpans, recordSdkSpans, serializeJsonRequest, serializeProtobufRequest } from "./testing/create-sdk-request";

const WORKSPACE = "ws_test";

function hrTimeToNs([seconds, nanos]: HrTime): bigint {
  return BigInt(seconds) * 1_000_000_000n + BigInt(nanos);
}

/** What the SDK's serializer writes for a JS attribute value, in the encoding of span.ts. */
function expectedValue(value: SdkAttributeValue | undefined | null): AttributeValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((v) => expectedValue(v));
  if (typeof value === "number") {
    // The SDK sends integral numbers as intValue and others as doubleValue.
    if (!Number.isInteger(value)) return value;
    return Number.isSafeInteger(value) ? value : { $int: BigInt(value).toString() };
  }
  return value as string | boolean;
}

function expectedAttributes(attributes: Record<string, SdkAttributeValue | undefined>): Attributes {
  return Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, expectedValue(v)]));
}

/** otlp-transformer's span flags: W3C trace flags plus "remote-ness is known" (0x100) and "is remote" (0x200). */
function expectedFlags(traceFlags: number, isRemote: boolean | undefined): number {
  return 0x100 | traceFlags | (isRemote ? 0x200 : 0);
}

function expectedSpan(s: ReadableSpan): Span {
  const context = s.spanContext();
  return {
    workspaceId: WORKSPACE,
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: s.parentSpanContext?.spanId ?? "",
    traceState: context.traceState?.serialize() ?? "",
    flags: expectedFlags(context.traceFlags, s.parentSpanContext?.isRemote),
    service: String(s.resource.attributes["service.name"]),
    name: s.name,
    kind: (s.kind + 1) as Span["kind"], // the API's enum starts at INTERNAL = 0, OTLP's at UNSPECIFIED = 0
    status: (["unset", "ok", "error"] as const)[s.status.code],
    statusMessage: s.status.message ?? "",
    startNs: hrTimeToNs(s.startTime),
    endNs: hrTimeToNs(s.endTime),
    attributes: expectedAttributes(s.attributes),
    droppedAttributesCount: s.droppedAttributesCount,
    events: s.events.map((e) => ({ timeNs: hrTimeToNs(e.time), name: e.name, attributes: expectedAttributes(e.attributes ?? {}), droppedAttributesCount: e.droppedAttributesCount ?? 0 })),
    droppedEventsCount: s.droppedEventsCount,
    links: s.links.map((l) => ({
      traceId: l.context.traceId,
      spanId: l.context.spanId,
      traceState: l.context.traceState?.serialize() ?? "",
      flags: expectedFlags(l.context.traceFlags, l.context.isRemote),
      attributes: expectedAttributes(l.attributes ?? {}),
      droppedAttributesCount: l.droppedAttributesCount ?? 0,
    })),
    droppedLinksCount: s.droppedLinksCount,
    resource: { attributes: expectedAttributes(s.resource.attributes), droppedAttributesCount: 0, schemaUrl: "" },
    scope: { name: s.instrumentationScope.name, version: s.instrumentationScope.version ?? "", attributes: {}, droppedAttributesCount: 0, schemaUrl: s.instrumentationScope.schemaUrl ?? "" },
    isTestGenerated: false,
    isSynthetic: false,
  };
}

function serialize(encoding: OtlpEncoding, spans: ReadableSpan[]): Uint8Array {
  return encoding === "protobuf" ? serializeProtobufRequest(spans) : serializeJsonRequest(spans);
}

/** A span per edge case of attribute values and timestamps that the SDK can express. */
function recordEdgeCaseSpans(): ReadableSpan[] {
  return recordSdkSpans(
    (provider) => {
      const tracer = provider.getTracer("edge-cases", "0.0.1");
      const parent = tracer.startSpan("parent", { kind: ApiSpanKind.CONSUMER, startTime: [1_999_999_999, 999_999_999] }, ROOT_CONTEXT);
      const child = tracer.startSpan(
        "child",
        {
          kind: ApiSpanKind.INTERNAL,
          // 2^53 ns is only 104 days after 1970: every real timestamp is beyond it.
          startTime: [1_700_000_000, 1],
          attributes: {
            zero: 0,
            "false": false,
            "true": true,
            "empty.string": "",
            negative: -42,
            double: 0.1,
            "negative.double": -2.5e-300,
            "max.safe": Number.MAX_SAFE_INTEGER,
            "beyond.safe": 2 ** 60,
            "min.int64": -(2 ** 63),
            "string.array": ["a", "", "ü ✓ 🚀"],
            "bool.array": [false, true],
            "int.array": [0, -1, 2 ** 60],
            "double.array": [0.5, -0.25],
            "empty.array": [],
            unicode: "Grüße, 世界 🚀\u0000\ufeff",
          },
        },
        trace.setSpan(ROOT_CONTEXT, parent),
      );
      child.addEvent("zero-time-attrs", { n: 0, b: false }, [1_700_000_000, 2]);
      child.addLink({ context: parent.spanContext(), attributes: { why: "batch", count: 0 } });
      child.end([1_700_000_001, 999_999_999]);
      parent.end([2_000_000_000, 0]);
    },
    { "service.name": "edge", "process.pid": 0, "debug.enabled": false },
  );
}

describe.each<OtlpEncoding>(["protobuf", "json"])("decodeTraceRequest(%s) of SDK-serialized spans", (encoding) => {
  it("keeps every field of 512 realistic spans", () => {
    const sdkSpans = createSdkSpans(64);
    const decoded = decodeTraceRequest(serialize(encoding, sdkSpans), encoding, WORKSPACE);
    expect(decoded.rejectedSpans).toBe(0);
    expect(decoded.errorMessage).toBe("");
    expect(decoded.spans).toHaveLength(512);
    // The serializer groups spans by resource and scope, so compare by span id.
    const byId = new Map(decoded.spans.map((s) => [s.spanId, s]));
    for (const sdkSpan of sdkSpans) {
      expect(byId.get(sdkSpan.spanContext().spanId)).toStrictEqual(expectedSpan(sdkSpan));
    }
  });

  it("keeps 0, false, empty strings, unicode, arrays, int64 extremes and nanoseconds beyond 2^53", () => {
    const sdkSpans = recordEdgeCaseSpans();
    const decoded = decodeTraceRequest(serialize(encoding, sdkSpans), encoding, WORKSPACE);
    expect(decoded.rejectedSpans).toBe(0);
    const child = decoded.spans.find((s) => s.name === "child")!;
    const parent = decoded.spans.find((s) => s.name === "parent")!;
    expect(child).toStrictEqual(expectedSpan(sdkSpans.find((s) => s.name === "child")!));
    expect(parent).toStrictEqual(expectedSpan(sdkSpans.find((s) => s.name === "parent")!));

    expect(child.startNs).toBe(1_700_000_000_000_000_001n);
    expect(child.endNs).toBe(1_700_000_001_999_999_999n);
    expect(child.events[0].timeNs).toBe(1_700_000_000_000_000_002n);
    expect(parent.startNs).toBe(1_999_999_999_999_999_999n);
    expect(child.parentSpanId).toBe(parent.spanId);
    expect(parent.parentSpanId).toBe("");
    expect(child.kind).toBe(1);
    expect(parent.kind).toBe(5);
    expect(child.attributes).toMatchObject({
      zero: 0,
      false: false,
      "empty.string": "",
      "max.safe": Number.MAX_SAFE_INTEGER,
      "beyond.safe": { $int: "1152921504606846976" },
      "min.int64": { $int: "-9223372036854775808" },
      "int.array": [0, -1, { $int: "1152921504606846976" }],
      "empty.array": [],
      unicode: "Grüße, 世界 🚀\u0000\ufeff",
    });
    expect(child.events[0].attributes).toStrictEqual({ n: 0, b: false });
    expect(child.links[0].attributes).toStrictEqual({ why: "batch", count: 0 });
    expect(child.resource.attributes).toMatchObject({ "service.name": "edge", "process.pid": 0, "debug.enabled": false });
    expect(child.service).toBe("edge");
    expect(child.resource).toBe(parent.resource); // shared by reference within a ResourceSpans
  });
});

describe("decodeTraceRequest", () => {
  it("decodes the same SDK spans identically from protobuf and from JSON", () => {
    const sdkSpans = createSdkSpans(8);
    const fromProtobuf = decodeTraceRequest(serializeProtobufRequest(sdkSpans), "protobuf", WORKSPACE, 0);
    const fromJson = decodeTraceRequest(serializeJsonRequest(sdkSpans), "json", WORKSPACE, 0);
    expect(fromJson).toStrictEqual(fromProtobuf);
  });

  it("treats an empty body as an empty request in both encodings", () => {
    for (const encoding of ["protobuf", "json"] as const) {
      expect(decodeTraceRequest(new Uint8Array(0), encoding, WORKSPACE)).toStrictEqual({ spans: [], rejectedSpans: 0, errorMessage: "" });
    }
  });
});
