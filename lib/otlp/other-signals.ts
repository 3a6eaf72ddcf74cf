// Metrics and logs: Flowprint stores traces only. An SDK pointed at the base endpoint also sends
// its metrics and logs; answering them with success and a partial_success that rejects every
// data point or record makes it log one clear warning instead of retrying errors. Counting needs
// only the nesting of the messages, so this walks the wire format for the few fields on the way
// rather than carrying the whole metrics and logs schemas.
import { BinaryReader, BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import type { OtlpEncoding } from "./parse-content-type";
import { OtlpDecodeError } from "./otlp-decode-error";

export type OtherSignal = "metrics" | "logs";

export const STORES_TRACES_ONLY: Record<OtherSignal, string> = {
  metrics: "Flowprint stores traces only: metrics are not kept. Send them to a metrics backend, or set OTEL_METRICS_EXPORTER=none.",
  logs: "Flowprint stores traces only: logs are not kept. Send them to a logs backend, or set OTEL_LOGS_EXPORTER=none.",
};

/** Field numbers from the path of the request down to the repeated items that are counted. */
const PATHS: Record<OtherSignal, { levels: number[]; leaves: number[] }> = {
  // ExportMetricsServiceRequest.resource_metrics(1) → ResourceMetrics.scope_metrics(2) →
  // ScopeMetrics.metrics(2) → Metric.gauge(5) | sum(7) | histogram(9) |
  // exponential_histogram(10) | summary(11) → data_points(1).
  metrics: { levels: [1, 2, 2], leaves: [5, 7, 9, 10, 11] },
  // ExportLogsServiceRequest.resource_logs(1) → ResourceLogs.scope_logs(2) → ScopeLogs.log_records(2).
  logs: { levels: [1, 2, 2], leaves: [] },
};

function countBinary(bytes: Uint8Array, levels: number[], leaves: number[]): number {
  const reader = new BinaryReader(bytes);
  let count = 0;
  while (reader.pos < reader.len) {
    const [field, wireType] = reader.tag();
    const [wanted, ...deeper] = levels;
    if (wireType === WireType.LengthDelimited && field === wanted) {
      const inner = reader.bytes();
      count += deeper.length > 0 ? countBinary(inner, deeper, leaves) : leaves.length > 0 ? countDataPoints(inner, leaves) : 1;
    } else {
      reader.skip(wireType, field);
    }
  }
  return count;
}

/** A Metric: its one data field (gauge, sum, ...) holds data_points(1). */
function countDataPoints(metric: Uint8Array, leaves: number[]): number {
  const reader = new BinaryReader(metric);
  let count = 0;
  while (reader.pos < reader.len) {
    const [field, wireType] = reader.tag();
    if (wireType === WireType.LengthDelimited && leaves.includes(field)) count += countBinary(reader.bytes(), [1], []);
    else reader.skip(wireType, field);
  }
  return count;
}

const JSON_KEYS: Record<OtherSignal, string[][]> = {
  metrics: [["resourceMetrics", "resource_metrics"], ["scopeMetrics", "scope_metrics"], ["metrics"]],
  logs: [["resourceLogs", "resource_logs"], ["scopeLogs", "scope_logs"], ["logRecords", "log_records"]],
};
const METRIC_DATA_KEYS = ["gauge", "sum", "histogram", "exponentialHistogram", "exponential_histogram", "summary"];

function items(value: unknown, keys: string[]): unknown[] {
  if (typeof value !== "object" || value === null) return [];
  for (const key of keys) {
    const found = (value as Record<string, unknown>)[key];
    if (Array.isArray(found)) return found;
  }
  return [];
}

function countJson(document: unknown, signal: OtherSignal): number {
  const [resources, scopes, leaves] = JSON_KEYS[signal];
  let count = 0;
  for (const resource of items(document, resources)) {
    for (const scope of items(resource, scopes)) {
      for (const leaf of items(scope, leaves)) {
        if (signal === "logs") count += 1;
        else for (const key of METRIC_DATA_KEYS) count += items((leaf as Record<string, unknown>)[key], ["dataPoints", "data_points"]).length;
      }
    }
  }
  return count;
}

/** Data points (metrics) or log records (logs) in an export request; throws OtlpDecodeError on a body that is not one. */
export function countOtherSignalItems(body: Uint8Array, encoding: OtlpEncoding, signal: OtherSignal): number {
  try {
    if (encoding === "json") return countJson(JSON.parse(new TextDecoder().decode(body)), signal);
    const { levels, leaves } = PATHS[signal];
    return countBinary(body, levels, leaves);
  } catch (error) {
    throw new OtlpDecodeError(`The body is not a valid OTLP ${signal} export request (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/**
 * ExportMetricsServiceResponse / ExportLogsServiceResponse rejecting `rejected` items:
 * partial_success(1) { rejected_data_points | rejected_log_records (1), error_message (2) }.
 * Nothing sent needs no partial_success.
 */
export function encodeOtherSignalResponse(encoding: OtlpEncoding, signal: OtherSignal, rejected: number): Uint8Array {
  const message = STORES_TRACES_ONLY[signal];
  if (encoding === "json") {
    const key = signal === "metrics" ? "rejectedDataPoints" : "rejectedLogRecords";
    return new TextEncoder().encode(JSON.stringify(rejected === 0 ? {} : { partialSuccess: { [key]: String(rejected), errorMessage: message } }));
  }
  const writer = new BinaryWriter();
  if (rejected > 0) writer.tag(1, WireType.LengthDelimited).fork().tag(1, WireType.Varint).int64(rejected).tag(2, WireType.LengthDelimited).string(message).join();
  return writer.finish();
}
