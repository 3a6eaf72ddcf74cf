// ExportTraceServiceRequest in OTLP/JSON → Span[].
//
// OTLP/JSON is proto3 JSON with two deviations: trace and span ids are hex, not base64, and
// enums are integers. Real senders vary, so this reader also takes base64 ids, enum names,
// snake_case field names, 64-bit integers as strings or numbers, and the pre-1.0
// instrumentationLibrarySpans / instrumentationLibrary names; unknown fields are ignored.
import { attachResource, attachScope } from "./attach-resource";
import { SpanCollector, type DecodedTraces } from "./collect-spans";
import {
  attributeFromBytes,
  attributeFromDouble,
  attributeFromInt,
  attributeFromKvlist,
  setAttribute,
} from "./encode-attribute-value";
import type { RawId } from "./find-rejection-reason";
import { formatHexId } from "./format-hex-id";
import { OtlpDecodeError } from "./otlp-decode-error";
import { parseJsonId } from "./parse-json-id";
import {
  field,
  readArray,
  readBool,
  readBytes,
  readDouble,
  readEnum,
  readInt64,
  readObject,
  readString,
  readUint32,
  readUint64,
  type JsonObject,
} from "./read-json-values";
import type { AttributeValue, Attributes, SpanEvent, SpanLink, SpanResource, SpanScope } from "./span";

const MAX_VALUE_DEPTH = 100;
const SPAN_KINDS = ["UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"] as const;
const STATUS_CODES = ["UNSET", "OK", "ERROR"] as const;

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeJsonRequest(body: Uint8Array, workspaceId: string, receivedAtMs: number): DecodedTraces {
  const collector = new SpanCollector(workspaceId, receivedAtMs);
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new OtlpDecodeError("Invalid JSON body: not valid UTF-8.");
  }
  if (text.trim() === "") return collector.finish();
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    // The parser's own message quotes the body; the sender has that already.
    throw new OtlpDecodeError("Invalid JSON body: not valid JSON.");
  }
  if (typeof root !== "object" || root === null || Array.isArray(root)) {
    throw new OtlpDecodeError("Invalid JSON body: expected an object (ExportTraceServiceRequest).");
  }
  const request = root as JsonObject;
  const resourceSpans = readArray(field(request, "resourceSpans", "resource_spans"), "resourceSpans");
  for (let i = 0; i < resourceSpans.length; i++) {
    readResourceSpans(readObject(resourceSpans[i], `resourceSpans[${i}]`), `resourceSpans[${i}]`, collector);
  }
  return collector.finish();
}

function readResourceSpans(o: JsonObject, path: string, collector: SpanCollector): void {
  const rawResource = field(o, "resource", "resource");
  const r = rawResource === undefined ? {} : readObject(rawResource, `${path}.resource`);
  const resource: SpanResource = {
    attributes: readAttributes(r, `${path}.resource`),
    droppedAttributesCount: readUint32(field(r, "droppedAttributesCount", "dropped_attributes_count"), `${path}.resource.droppedAttributesCount`),
    schemaUrl: readString(field(o, "schemaUrl", "schema_url"), `${path}.schemaUrl`),
  };
  const first = collector.spans.length;
  const scopeSpans = readArray(
    field(o, "scopeSpans", "scope_spans") ?? field(o, "instrumentationLibrarySpans", "instrumentation_library_spans"),
    `${path}.scopeSpans`,
  );
  for (let i = 0; i < scopeSpans.length; i++) {
    const scopePath = `${path}.scopeSpans[${i}]`;
    readScopeSpans(readObject(scopeSpans[i], scopePath), scopePath, collector);
  }
  attachResource(collector.spans, first, resource);
}

function readScopeSpans(o: JsonObject, path: string, collector: SpanCollector): void {
  const rawScope = field(o, "scope", "scope") ?? field(o, "instrumentationLibrary", "instrumentation_library");
  const s = rawScope === undefined ? {} : readObject(rawScope, `${path}.scope`);
  const scope: SpanScope = {
    name: readString(field(s, "name", "name"), `${path}.scope.name`),
    version: readString(field(s, "version", "version"), `${path}.scope.version`),
    attributes: readAttributes(s, `${path}.scope`),
    droppedAttributesCount: readUint32(field(s, "droppedAttributesCount", "dropped_attributes_count"), `${path}.scope.droppedAttributesCount`),
    schemaUrl: readString(field(o, "schemaUrl", "schema_url"), `${path}.schemaUrl`),
  };
  const first = collector.spans.length;
  const spans = readArray(field(o, "spans", "spans"), `${path}.spans`);
  for (let i = 0; i < spans.length; i++) {
    const spanPath = `${path}.spans[${i}]`;
    readSpan(readObject(spans[i], spanPath), spanPath, collector);
  }
  attachScope(collector.spans, first, scope);
}

function readSpan(o: JsonObject, path: string, collector: SpanCollector): void {
  const rawStatus = field(o, "status", "status");
  const status = rawStatus === undefined ? {} : readObject(rawStatus, `${path}.status`);
  collector.add({
    traceId: readId(field(o, "traceId", "trace_id"), 16, `${path}.traceId`),
    spanId: readId(field(o, "spanId", "span_id"), 8, `${path}.spanId`),
    parentSpanId: readId(field(o, "parentSpanId", "parent_span_id"), 8, `${path}.parentSpanId`),
    traceState: readString(field(o, "traceState", "trace_state"), `${path}.traceState`),
    flags: readUint32(field(o, "flags", "flags"), `${path}.flags`),
    name: readString(field(o, "name", "name"), `${path}.name`),
    kind: readEnum(field(o, "kind", "kind"), `${path}.kind`, "SPAN_KIND_", SPAN_KINDS),
    startNs: readUint64(field(o, "startTimeUnixNano", "start_time_unix_nano"), `${path}.startTimeUnixNano`),
    endNs: readUint64(field(o, "endTimeUnixNano", "end_time_unix_nano"), `${path}.endTimeUnixNano`),
    attributes: readAttributes(o, path),
    droppedAttributesCount: readUint32(field(o, "droppedAttributesCount", "dropped_attributes_count"), `${path}.droppedAttributesCount`),
    events: readArray(field(o, "events", "events"), `${path}.events`).map((e, i) => readEvent(e, `${path}.events[${i}]`)),
    droppedEventsCount: readUint32(field(o, "droppedEventsCount", "dropped_events_count"), `${path}.droppedEventsCount`),
    links: readArray(field(o, "links", "links"), `${path}.links`).map((l, i) => readLink(l, `${path}.links[${i}]`)),
    droppedLinksCount: readUint32(field(o, "droppedLinksCount", "dropped_links_count"), `${path}.droppedLinksCount`),
    statusCode: readEnum(field(status, "code", "code"), `${path}.status.code`, "STATUS_CODE_", STATUS_CODES),
    statusMessage: readString(field(status, "message", "message"), `${path}.status.message`),
  });
}

function readEvent(value: unknown, path: string): SpanEvent {
  const o = readObject(value, path);
  return {
    timeNs: readUint64(field(o, "timeUnixNano", "time_unix_nano"), `${path}.timeUnixNano`),
    name: readString(field(o, "name", "name"), `${path}.name`),
    attributes: readAttributes(o, path),
    droppedAttributesCount: readUint32(field(o, "droppedAttributesCount", "dropped_attributes_count"), `${path}.droppedAttributesCount`),
  };
}

function readLink(value: unknown, path: string): SpanLink {
  const o = readObject(value, path);
  // Links are kept as sent: a bad id in a link says nothing about the span itself.
  const traceId = readId(field(o, "traceId", "trace_id"), 16, `${path}.traceId`);
  const spanId = readId(field(o, "spanId", "span_id"), 8, `${path}.spanId`);
  return {
    traceId: traceId === null ? "" : formatHexId(traceId),
    spanId: spanId === null ? "" : formatHexId(spanId),
    traceState: readString(field(o, "traceState", "trace_state"), `${path}.traceState`),
    flags: readUint32(field(o, "flags", "flags"), `${path}.flags`),
    attributes: readAttributes(o, path),
    droppedAttributesCount: readUint32(field(o, "droppedAttributesCount", "dropped_attributes_count"), `${path}.droppedAttributesCount`),
  };
}

/** A string that is not an id is the span's problem (rejected), a non-string the body's (400). */
function readId(value: unknown, byteLength: number, path: string): RawId {
  return parseJsonId(readString(value, path), byteLength);
}

/** The `attributes` list of a message. */
function readAttributes(o: JsonObject, path: string): Attributes {
  const list = readArray(field(o, "attributes", "attributes"), `${path}.attributes`);
  const out: Attributes = {};
  for (let i = 0; i < list.length; i++) readKeyValue(list[i], out, path, "attributes", i, 0);
  return out;
}

function readKeyValue(value: unknown, target: Attributes, path: string, list: string, index: number, depth: number): void {
  const kv = readObject(value, `${path}.${list}[${index}]`);
  // Proto3 JSON writers omit default values, so a missing key is the empty key.
  const key = readString(field(kv, "key", "key"), `${path}.${list}[${index}].key`);
  setAttribute(target, key, readAnyValue(field(kv, "value", "value"), `${path}.${list}[${index}].value`, depth));
}

function readAnyValue(value: unknown, path: string, depth: number): AttributeValue {
  if (value === undefined) return null;
  if (depth > MAX_VALUE_DEPTH) throw new OtlpDecodeError("Invalid JSON body: attribute values are nested too deeply.");
  const o = readObject(value, path);
  let v: unknown;
  if ((v = field(o, "stringValue", "string_value")) !== undefined) return readString(v, `${path}.stringValue`);
  if ((v = field(o, "boolValue", "bool_value")) !== undefined) return readBool(v, `${path}.boolValue`);
  if ((v = field(o, "intValue", "int_value")) !== undefined) return attributeFromInt(readInt64(v, `${path}.intValue`));
  if ((v = field(o, "doubleValue", "double_value")) !== undefined) return attributeFromDouble(readDouble(v, `${path}.doubleValue`));
  if ((v = field(o, "arrayValue", "array_value")) !== undefined) {
    const arrayPath = `${path}.arrayValue`;
    const values = readArray(field(readObject(v, arrayPath), "values", "values"), `${arrayPath}.values`);
    // An absent element is an empty AnyValue, as in protobuf.
    return values.map((item, i) => (item === null ? null : readAnyValue(item, `${arrayPath}.values[${i}]`, depth + 1)));
  }
  if ((v = field(o, "kvlistValue", "kvlist_value")) !== undefined) {
    const listPath = `${path}.kvlistValue`;
    const values = readArray(field(readObject(v, listPath), "values", "values"), `${listPath}.values`);
    const entries: Attributes = {};
    for (let i = 0; i < values.length; i++) readKeyValue(values[i], entries, listPath, "values", i, depth + 1);
    return attributeFromKvlist(entries);
  }
  if ((v = field(o, "bytesValue", "bytes_value")) !== undefined) return attributeFromBytes(readBytes(v, `${path}.bytesValue`));
  return null;
}
