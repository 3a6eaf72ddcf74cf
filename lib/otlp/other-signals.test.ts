import { ProtobufLogsSerializer, ProtobufMetricsSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { describe, expect, it } from "vitest";
import { countOtherSignalItems, encodeOtherSignalResponse } from "./other-signals";
import { OtlpDecodeError } from "./otlp-decode-error";

// JSON bodies written by hand in the OTLP/JSON shape; protobuf bodies from the official SDK and
// serializer, so the wire walk is checked against real encodings.
const metricsJson = {
  resourceMetrics: [
    {
      scopeMetrics: [
        {
          metrics: [
            { name: "orders", sum: { dataPoints: [{ asInt: "3" }, { asInt: "1" }], aggregationTemporality: 2, isMonotonic: true } },
            { name: "queue", gauge: { dataPoints: [{ asDouble: 2.5 }] } },
            { name: "latency", histogram: { dataPoints: [{ count: "1", sum: 12, bucketCounts: ["1"], explicitBounds: [] }] } },
          ],
        },
        { metrics: [{ name: "summary", summary: { dataPoints: [{ count: "2", sum: 3 }] } }] },
      ],
    },
    { scopeMetrics: [{ metrics: [{ name: "exp", exponentialHistogram: { dataPoints: [{ count: "1", scale: 1 }, { count: "2", scale: 1 }] } }] }] },
  ],
};
const logsJson = { resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: { stringValue: "a" } }, { body: { stringValue: "b" } }] }, { logRecords: [{}] }] }] };
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe("metrics and logs Flowprint does not keep", () => {
  it("counts every data point of every metric type, and every log record, in JSON", () => {
    expect(countOtherSignalItems(bytes(metricsJson), "json", "metrics")).toBe(7);
    expect(countOtherSignalItems(bytes(logsJson), "json", "logs")).toBe(3);
    expect(countOtherSignalItems(bytes({}), "json", "logs")).toBe(0);
  });

  it("counts the data points of a protobuf body the official SDK wrote", async () => {
    const reader = new (class extends MetricReader {
      protected async onForceFlush(): Promise<void> {}
      protected async onShutdown(): Promise<void> {}
    })();
    const provider = new MeterProvider({ resource: resourceFromAttributes({ "service.name": "shop" }), readers: [reader] });
    const meter = provider.getMeter("test");
    const orders = meter.createCounter("orders");
    for (const tier of ["gold", "silver", "standard"]) orders.add(1, { tier });
    meter.createHistogram("latency").record(12, { route: "/a" });
    meter.createUpDownCounter("queue").add(2);
    const { resourceMetrics } = await reader.collect();
    expect(countOtherSignalItems(ProtobufMetricsSerializer.serializeRequest(resourceMetrics)!, "protobuf", "metrics")).toBe(5);
  });

  it("answers in a form the official deserializers read, rejecting them all with why", () => {
    const metrics = ProtobufMetricsSerializer.deserializeResponse(encodeOtherSignalResponse("protobuf", "metrics", 7));
    expect(metrics.partialSuccess).toMatchObject({ rejectedDataPoints: 7, errorMessage: expect.stringContaining("stores traces only: metrics are not kept") });
    const logs = ProtobufLogsSerializer.deserializeResponse(encodeOtherSignalResponse("protobuf", "logs", 3));
    expect(logs.partialSuccess).toMatchObject({ rejectedLogRecords: 3, errorMessage: expect.stringContaining("logs are not kept") });
    expect(JSON.parse(new TextDecoder().decode(encodeOtherSignalResponse("json", "logs", 3)))).toEqual({ partialSuccess: { rejectedLogRecords: "3", errorMessage: expect.any(String) } });
    // Nothing sent, nothing rejected: no partial_success at all, as the spec asks.
    expect(encodeOtherSignalResponse("protobuf", "metrics", 0)).toHaveLength(0);
    expect(new TextDecoder().decode(encodeOtherSignalResponse("json", "metrics", 0))).toBe("{}");
  });

  it("refuses a body that is not an export request", () => {
    expect(() => countOtherSignalItems(new Uint8Array([0x0a, 0xff, 0xff, 0xff]), "protobuf", "metrics")).toThrow(OtlpDecodeError);
    expect(() => countOtherSignalItems(bytes("{").slice(0, 1), "json", "logs")).toThrow(/not a valid OTLP logs export request/);
  });
});
