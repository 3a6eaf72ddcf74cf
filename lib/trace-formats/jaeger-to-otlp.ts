// Jaeger JSON (the query API's {data: [trace]}, the UI's download, a bare array of traces or one
// trace) → one OTLP/JSON request per trace, mapped as the OpenTelemetry Collector's Jaeger
// translator (pkg/translator/jaeger, jaegerproto_to_traces.go) maps Jaeger's model:
// - process → resource: serviceName → service.name, tags → attributes (hostname → host.name,
//   jaeger.version → opencensus.exporterversion "Jaeger-<v>", as the Collector renames them);
// - parent: the first CHILD_OF reference into the same trace, else the first FOLLOWS_FROM;
//   every other reference becomes a link whose `opentracing.ref_type` attribute keeps its type;
// - tags: span.kind → kind; error=true, otel.status_code, an HTTP status → status;
//   otel.scope.name/version → scope; w3c.tracestate → traceState; the rest → attributes;
// - logs → events (the `event` field is the name); the sampled flag → OTLP flags;
// - warnings → the `@jaeger@warnings` attribute, where Jaeger v2 itself keeps them.
// Two deliberate differences, both so that nothing is lost: a span.kind tag with a value Jaeger
// does not define, and an `event` field that is not a string, stay attributes (the Collector
// drops them). A span without an operation name gets Jaeger's own placeholder.
//
// A trace with a bad span is skipped whole, its problems listed: Flowprint discovers flows from
// whole traces, and a trace missing a span would yield a wrong path.
import type { ConvertedTraces, ConvertOptions } from "./converted-traces";
import { ProblemLog } from "./import-problem";
import { JAEGER_TAG, type JaegerRefType } from "./jaeger-json";
import { OtlpRequestBuilder, type ScopeName } from "./otlp-request-builder";
import {
  SAMPLED_FLAG,
  microsToNanos,
  stringAttribute,
  stringValue,
  toKeyValues,
  type AttributeMap,
  type OtlpJsonEvent,
  type OtlpJsonKeyValue,
  type OtlpJsonLink,
  type OtlpJsonSpan,
} from "./otlp-json";
import { readHexId } from "./read-hex-id";
import {
  FieldError,
  childPath,
  fail,
  isJsonObject,
  readMicros,
  readObject,
  readOptionalArray,
  readOptionalString,
  type JsonObject,
} from "./read-json-fields";
import { readJaegerTag } from "./read-jaeger-tag";
import { takeJaegerStatus } from "./take-jaeger-status";

/** What Jaeger v2's sanitizer names a span that has no name; OTLP requires one. */
export const EMPTY_SPAN_NAME = "empty-span-name";
/** What the Collector's OTLP→Jaeger translation writes for a resource without attributes. */
const NO_SERVICE_NAME = "OTLPResourceNoServiceName";

const SPAN_KINDS: Record<string, number> = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };

interface LocatedTrace {
  value: unknown;
  path: string;
}

export function jaegerToOtlp(document: unknown, options: ConvertOptions = {}): ConvertedTraces {
  const log = new ProblemLog(options.fileName);
  const result: ConvertedTraces = { requests: [], spanCount: 0, skippedSpanCount: 0, problems: [] };
  const traces = locateTraces(document, log);
  if (traces.length === 0 && log.count === 0) log.atPath("", "holds no traces: nothing to import.");
  for (const trace of traces) {
    const spanTotal = isJsonObject(trace.value) && Array.isArray(trace.value.spans) ? trace.value.spans.length : 0;
    const converted = convertTrace(trace, log);
    if (converted === null) {
      result.skippedSpanCount += spanTotal;
    } else if (converted.spanCount > 0) {
      result.requests.push({ request: converted.build(), where: log.pathLocation(trace.path), spanCount: converted.spanCount });
      result.spanCount += converted.spanCount;
    }
  }
  result.problems = log.list();
  return result;
}

function locateTraces(document: unknown, log: ProblemLog): LocatedTrace[] {
  if (Array.isArray(document)) return document.map((value, i) => ({ value, path: `[${i}]` }));
  if (isJsonObject(document)) {
    if (Array.isArray(document.data)) return document.data.map((value, i) => ({ value, path: `data[${i}]` }));
    if (Array.isArray(document.spans)) return [{ value: document, path: "" }];
    const apiError = jaegerApiError(document);
    if (apiError !== undefined) {
      log.atPath("errors", `the Jaeger query API answered with an error instead of traces: ${apiError}`);
      return [];
    }
  }
  log.atPath("", "is not Jaeger JSON: expected {\"data\": [traces]}, an array of traces, or one trace {\"traceID\", \"spans\", \"processes\"}.");
  return [];
}

/** The first message of a Jaeger API error answer ({"data": null, "errors": [{"code", "msg"}]}). */
function jaegerApiError(document: JsonObject): string | undefined {
  if (!Array.isArray(document.errors) || document.errors.length === 0) return undefined;
  const first: unknown = document.errors[0];
  return isJsonObject(first) && typeof first.msg === "string" ? first.msg : "no message";
}

function convertTrace(trace: LocatedTrace, log: ProblemLog): OtlpRequestBuilder | null {
  const problemsBefore = log.count;
  const report = (error: unknown) => {
    if (!(error instanceof FieldError)) throw error;
    log.atPath(error.path, error.message);
  };
  let spans: readonly unknown[];
  let processes: JsonObject;
  try {
    const t = readObject(trace.value, trace.path);
    if (!Array.isArray(t.spans)) fail(childPath(trace.path, "spans"), "an array of spans", t.spans);
    spans = t.spans;
    processes = t.processes === undefined || t.processes === null ? {} : readObject(t.processes, childPath(trace.path, "processes"));
  } catch (error) {
    report(error);
    return null;
  }
  if (spans.length === 0) {
    log.atPath(trace.path, "holds no spans: nothing to import.");
    return null;
  }
  const resources = new Map<string, OtlpJsonKeyValue[]>();
  const builder = new OtlpRequestBuilder();
  spans.forEach((raw, i) => {
    const spanPath = childPath(childPath(trace.path, "spans"), i);
    try {
      const span = readObject(raw, spanPath);
      const resource = readSpanResource(span, spanPath, processes, trace.path, resources);
      const { scope, otlpSpan } = convertSpan(span, spanPath);
      builder.add(resource, scope, otlpSpan);
    } catch (error) {
      report(error);
    }
  });
  return log.count === problemsBefore ? builder : null;
}

/** The span's process as resource attributes: embedded in the span (Jaeger's "embedded process" form) or named by processID. */
function readSpanResource(span: JsonObject, spanPath: string, processes: JsonObject, tracePath: string, cache: Map<string, OtlpJsonKeyValue[]>): OtlpJsonKeyValue[] {
  if (isJsonObject(span.process)) return readProcess(span.process, childPath(spanPath, "process"));
  const processId = span.processID;
  const idPath = childPath(spanPath, "processID");
  if (typeof processId !== "string") return fail(idPath, "the id of one of the trace's processes", processId);
  const cached = cache.get(processId);
  if (cached !== undefined) return cached;
  if (!Object.hasOwn(processes, processId)) {
    throw new FieldError(idPath, `names process ${JSON.stringify(processId)}, which is not in ${childPath(tracePath, "processes")}.`);
  }
  const resource = readProcess(processes[processId], childPath(childPath(tracePath, "processes"), processId));
  cache.set(processId, resource);
  return resource;
}

function readProcess(raw: unknown, path: string): OtlpJsonKeyValue[] {
  const process = readObject(raw, path);
  const serviceName = readOptionalString(process.serviceName, childPath(path, "serviceName")) ?? "";
  if (serviceName === NO_SERVICE_NAME) return [];
  const attributes: AttributeMap = new Map();
  if (serviceName !== "") attributes.set("service.name", stringValue(serviceName));
  readTags(process.tags, childPath(path, "tags"), attributes);
  renameAttribute(attributes, "hostname", "host.name");
  const jaegerVersion = stringAttribute(attributes, "jaeger.version");
  if (jaegerVersion !== undefined && !attributes.has("opencensus.exporterversion")) {
    attributes.delete("jaeger.version");
    attributes.set("opencensus.exporterversion", stringValue(`Jaeger-${jaegerVersion}`));
  }
  return toKeyValues(attributes);
}

function renameAttribute(attributes: AttributeMap, from: string, to: string): void {
  const value = attributes.get(from);
  if (value === undefined || attributes.has(to)) return;
  attributes.delete(from);
  attributes.set(to, value);
}

function readTags(raw: unknown, path: string, into: AttributeMap): void {
  readOptionalArray(raw, path).forEach((tag, i) => {
    const { key, value } = readJaegerTag(tag, childPath(path, i));
    into.set(key, value);
  });
}

interface JaegerRef {
  refType: JaegerRefType;
  traceId: string;
  spanId: string;
}

function convertSpan(span: JsonObject, path: string): { scope: ScopeName; otlpSpan: OtlpJsonSpan } {
  const traceId = readHexId(span.traceID, childPath(path, "traceID"), "trace id");
  const spanId = readHexId(span.spanID, childPath(path, "spanID"), "span id");
  const name = readOptionalString(span.operationName, childPath(path, "operationName")) || EMPTY_SPAN_NAME;
  const refsPath = childPath(path, "references");
  const refs = readOptionalArray(span.references, refsPath).map((ref, i) => readReference(ref, childPath(refsPath, i)));
  const startMicros = readMicros(span.startTime, childPath(path, "startTime"));
  const durationMicros = readMicros(span.duration, childPath(path, "duration"));
  const attributes: AttributeMap = new Map();
  readTags(span.tags, childPath(path, "tags"), attributes);
  const logsPath = childPath(path, "logs");
  const events = readOptionalArray(span.logs, logsPath).map((entry, i) => readLog(entry, childPath(logsPath, i)));
  const warnings = readWarnings(span.warnings, childPath(path, "warnings"));
  const flags = readFlags(span.flags, childPath(path, "flags"));

  const parentSpanId = findParent(refs, traceId, spanId);
  const kind = takeSpanKind(attributes);
  const status = takeJaegerStatus(attributes, kind);
  const scope = takeScope(attributes);
  const traceState = stringAttribute(attributes, JAEGER_TAG.traceState);
  if (traceState !== undefined) attributes.delete(JAEGER_TAG.traceState);
  if (warnings.length > 0) attributes.set(JAEGER_TAG.warnings, { arrayValue: { values: warnings.map(stringValue) } });

  const otlpSpan: OtlpJsonSpan = {
    traceId,
    spanId,
    parentSpanId,
    ...(traceState ? { traceState } : {}),
    ...(flags & SAMPLED_FLAG ? { flags: SAMPLED_FLAG } : {}),
    name,
    kind,
    startTimeUnixNano: microsToNanos(startMicros),
    endTimeUnixNano: microsToNanos(startMicros + durationMicros),
    attributes: toKeyValues(attributes),
    events,
    links: toLinks(refs, parentSpanId),
    status,
  };
  return { scope, otlpSpan };
}

function readReference(raw: unknown, path: string): JaegerRef {
  const ref = readObject(raw, path);
  const refType = typeof ref.refType === "string" ? ref.refType.toUpperCase() : undefined;
  if (refType !== "CHILD_OF" && refType !== "FOLLOWS_FROM") fail(childPath(path, "refType"), "CHILD_OF or FOLLOWS_FROM", ref.refType);
  return {
    refType,
    traceId: readHexId(ref.traceID, childPath(path, "traceID"), "trace id"),
    spanId: readHexId(ref.spanID, childPath(path, "spanID"), "span id"),
  };
}

/**
 * Jaeger's Span.ParentSpanID(): the first CHILD_OF into the same trace, else the first
 * FOLLOWS_FROM into it. A reference to the span itself is ignored so no span is its own parent.
 */
function findParent(refs: JaegerRef[], traceId: string, spanId: string): string {
  const local = refs.filter((ref) => ref.traceId === traceId && ref.spanId !== spanId);
  return (local.find((ref) => ref.refType === "CHILD_OF") ?? local.find((ref) => ref.refType === "FOLLOWS_FROM"))?.spanId ?? "";
}

/** Every reference but the CHILD_OF that became the parent, typed by `opentracing.ref_type` as the Collector does. */
function toLinks(refs: JaegerRef[], parentSpanId: string): OtlpJsonLink[] {
  return refs
    .filter((ref) => !(ref.refType === "CHILD_OF" && ref.spanId === parentSpanId))
    .map((ref) => ({
      traceId: ref.traceId,
      spanId: ref.spanId,
      attributes: [{ key: JAEGER_TAG.refType, value: stringValue(ref.refType === "CHILD_OF" ? "child_of" : "follows_from") }],
    }));
}

function takeSpanKind(attributes: AttributeMap): number {
  const value = stringAttribute(attributes, JAEGER_TAG.spanKind);
  const kind = value === undefined || !Object.hasOwn(SPAN_KINDS, value) ? undefined : SPAN_KINDS[value];
  if (kind === undefined) return 0;
  attributes.delete(JAEGER_TAG.spanKind);
  return kind;
}

function takeScope(attributes: AttributeMap): ScopeName {
  const name = stringAttribute(attributes, JAEGER_TAG.scopeName);
  if (name === undefined) return { name: "", version: "" };
  attributes.delete(JAEGER_TAG.scopeName);
  const version = stringAttribute(attributes, JAEGER_TAG.scopeVersion);
  if (version !== undefined) attributes.delete(JAEGER_TAG.scopeVersion);
  return { name, version: version ?? "" };
}

function readLog(raw: unknown, path: string): OtlpJsonEvent {
  const entry = readObject(raw, path);
  const timestamp = readMicros(entry.timestamp, childPath(path, "timestamp"));
  const attributes: AttributeMap = new Map();
  readTags(entry.fields, childPath(path, "fields"), attributes);
  const name = stringAttribute(attributes, JAEGER_TAG.event);
  if (name !== undefined) attributes.delete(JAEGER_TAG.event);
  return { timeUnixNano: microsToNanos(timestamp), name: name ?? "", attributes: toKeyValues(attributes) };
}

function readWarnings(raw: unknown, path: string): string[] {
  return readOptionalArray(raw, path).map((warning, i) => (typeof warning === "string" ? warning : fail(childPath(path, i), "a string", warning)));
}

function readFlags(raw: unknown, path: string): number {
  if (raw === undefined || raw === null) return 0;
  if (typeof raw !== "number" || !Number.isInteger(raw) || raw < 0) fail(path, "a whole number", raw);
  return raw;
}
