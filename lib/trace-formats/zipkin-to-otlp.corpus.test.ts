// Zipkin UI's test traces through the converter and the decoder: parent links survive (clock
// skew and messaging included), shared client/server ids are split the way Jaeger splits them,
// and every trace stays one tree with unique span ids.
import { describe, expect, it } from "vitest";
import type { Span } from "../otlp/span";
import { decodeImportedRequests } from "./decode-imported-requests";
import { spansToJaegerTraces } from "./spans-to-jaeger-traces";
import { corpusFile, ZIPKIN_FILES } from "./testing/read-format-corpus";
import { zipkinToOtlp } from "./zipkin-to-otlp";

interface ZipkinJson {
  traceId: string;
  id: string;
  parentId?: string;
  kind?: string;
  name?: string;
  shared?: boolean;
  localEndpoint?: { serviceName?: string };
  remoteEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
}

function spansOf(file: string): Span[] {
  const converted = zipkinToOtlp(JSON.parse(corpusFile("zipkin", file)));
  const decoded = decodeImportedRequests(converted.requests, "ws", 0);
  expect(decoded.rejectedSpans).toBe(0);
  return decoded.spans;
}

function pad16(id: string): string {
  return id.padStart(16, "0");
}

describe.each(Object.entries(ZIPKIN_FILES))("Zipkin %s", (_, file) => {
  it("converts to one tree: unique span ids, one root, every parent present", () => {
    const spans = spansOf(file);
    const ids = new Set(spans.map((s) => s.spanId));
    expect(ids.size).toBe(spans.length);
    expect(spans.filter((s) => s.parentSpanId === "")).toHaveLength(1);
    expect(spans.filter((s) => s.parentSpanId !== "" && !ids.has(s.parentSpanId))).toEqual([]);
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(1);
  });
});

describe("Zipkin's clock-skew trace", () => {
  // serviceb's shared SERVER "post" has the id of servicea's CLIENT "post"; serviceb's "async"
  // runs under it. Zipkin's UI corrects the skew at display time; the parent links are the data.
  const spans = spansOf(ZIPKIN_FILES.skew);
  const byName = (name: string, service: string) => spans.find((s) => s.name === name && s.service === service);

  it("keeps every parent link, with the server half of the shared RPC under its client", () => {
    const root = byName("get", "servicea");
    const client = byName("post", "servicea");
    const server = byName("post", "serviceb");
    const async = byName("async", "serviceb");
    expect(root?.parentSpanId).toBe("");
    expect(client).toMatchObject({ spanId: "74280ae0c10d8062", parentSpanId: root?.spanId, kind: 3 });
    expect(server?.spanId).not.toBe("74280ae0c10d8062");
    expect(server).toMatchObject({ parentSpanId: "74280ae0c10d8062", kind: 2 });
    expect(async?.parentSpanId).toBe(server?.spanId);
  });

  it("keeps the skewed times as recorded: the server starts before its client", () => {
    const client = byName("post", "servicea");
    const server = byName("post", "serviceb");
    expect(server?.startNs).toBe(1470150004008761000n);
    expect(client?.startNs).toBe(1470150004074202000n);
  });

  it("gives the server half the same id on every import", () => {
    const again = spansOf(ZIPKIN_FILES.skew);
    expect(again.map((s) => s.spanId)).toEqual(spans.map((s) => s.spanId));
  });
});

describe("Zipkin's Kafka messaging trace", () => {
  const original = JSON.parse(corpusFile("zipkin", ZIPKIN_FILES.kafka)) as ZipkinJson[];
  const spans = spansOf(ZIPKIN_FILES.kafka);

  it("keeps each span's id and parent exactly (no ids are shared)", () => {
    expect(spans.map((s) => [s.spanId, s.parentSpanId]).sort()).toEqual(original.map((z) => [pad16(z.id), z.parentId === undefined ? "" : pad16(z.parentId)]).sort());
  });

  it("maps PRODUCER and CONSUMER, the broker as peer.service, and the consumer failures", () => {
    const kindOf = { PRODUCER: 4, CONSUMER: 5 } as Record<string, number>;
    for (const z of original) {
      const span = spans.find((s) => s.spanId === pad16(z.id));
      expect(span?.kind).toBe(z.kind === undefined ? 0 : kindOf[z.kind]);
      expect(span?.service).toBe(z.localEndpoint?.serviceName);
      expect(span?.attributes["peer.service"]).toBe(z.remoteEndpoint?.serviceName);
      expect(span?.status).toBe(z.tags?.error === undefined ? "unset" : "error");
      if (z.tags?.["kafka.topic"] !== undefined) expect(span?.attributes["kafka.topic"]).toBe(z.tags["kafka.topic"]);
    }
    expect(spans.filter((s) => s.kind === 4)).toHaveLength(9);
    expect(spans.filter((s) => s.kind === 5)).toHaveLength(7);
    expect(spans.filter((s) => s.status === "error")).toHaveLength(3);
  });
});

describe("Zipkin's ascend trace (B3 shared ids)", () => {
  const spans = spansOf(ZIPKIN_FILES.ascend);

  it("puts content-service's own client call under content-service's server half, not under the gateway's client", () => {
    const gatewayClient = spans.find((s) => s.spanId === "ecc00062ceef4bf0");
    const contentServer = spans.find((s) => s.service === "content-service" && s.name === "get /content/personal");
    const contentClient = spans.find((s) => s.spanId === "c21c6c51ac71b3ba");
    expect(gatewayClient).toMatchObject({ service: "mobile-gateway", kind: 3 });
    expect(contentServer).toMatchObject({ parentSpanId: "ecc00062ceef4bf0", kind: 2 });
    expect(contentClient?.parentSpanId).toBe(contentServer?.spanId);
  });

  it("renders as a Jaeger trace whose references match the parents", () => {
    const [trace] = spansToJaegerTraces(spans);
    expect(trace.traceID).toBe("ef86c83c0a05a6d6");
    for (const span of trace.spans) {
      const parent = spans.find((s) => s.spanId === span.spanID)?.parentSpanId;
      expect(span.references).toEqual(parent ? [{ refType: "CHILD_OF", traceID: "ef86c83c0a05a6d6", spanID: parent }] : []);
    }
    expect(Object.values(trace.processes).map((p) => p.serviceName).sort()).toEqual(["auth-service", "content-service", "mobile-gateway"]);
  });
});
