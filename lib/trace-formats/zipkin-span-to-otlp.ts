// One cleaned Zipkin v2 span → its OTLP resource, scope and span, mapped as the OpenTelemetry
// Collector's Zipkin translator does (pkg/translator/zipkin/zipkinv2, to_translator.go):
// - localEndpoint.serviceName → resource service.name; tags named like resource attributes
//   (host.*, k8s.*, telemetry.*, …) → resource attributes;
// - kind → SpanKind; otel.status_code / otel.status_description → status; otel.scope.name or
//   otel.library.name (+ version) → scope; w3c.tracestate → traceState; the `otlp.link.N` and
//   "name|{attributes}|dropped" annotation encodings of OpenTelemetry's Zipkin exporter → links
//   and event attributes;
// - other tags → string attributes, then localEndpoint ipv4/ipv6/port → net.host.ip/net.host.port
//   and remoteEndpoint serviceName/ipv4/ipv6/port → peer.service/net.peer.ip/net.peer.port (the
//   names Flowprint's path typing reads; Collector 0.147+ writes service.peer.name and
//   network.*.address behind feature gates);
// - annotations → events; timestamp/duration (µs) → start/end; `debug` (forced sampling) is
//   not mapped, as in the Collector.
// Deliberate differences: an `error` tag of any value marks the span as failed (Zipkin's UI
// does the same; the Collector only reacts to "true"), and keeps its value as the status
// message; a span.kind tag other than "internal" on a span without kind is read rather than
// dropped; an annotation that is not in the exporter's encoding keeps its whole text as name.
import { isResourceAttributeKey } from "./is-resource-attribute-key";
import {
  STATUS_ERROR,
  STATUS_OK,
  STATUS_UNSET,
  microsToNanos,
  stringValue,
  toKeyValues,
  type AttributeMap,
  type OtlpJsonAnyValue,
  type OtlpJsonEvent,
  type OtlpJsonKeyValue,
  type OtlpJsonLink,
  type OtlpJsonSpan,
} from "./otlp-json";
import type { ScopeName } from "./otlp-request-builder";
import { padHexId } from "./read-hex-id";
import { isJsonObject } from "./read-json-fields";
import type { ZipkinAnnotation, ZipkinSpan } from "./read-zipkin-span";

/** What Zipkin's UI shows for a span without a name; OTLP requires one. */
export const UNKNOWN_SPAN_NAME = "unknown";

const KINDS = { SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 } as const;
const KIND_TAG_VALUES: Record<string, number> = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };
const STATUS_CODES: Record<string, number> = { OK: STATUS_OK, ERROR: STATUS_ERROR, UNSET: STATUS_UNSET };
const MAX_LINKS = 128;

export interface ZipkinSpanInOtlp {
  resource: OtlpJsonKeyValue[];
  scope: ScopeName;
  span: OtlpJsonSpan;
}

export function zipkinSpanToOtlp(span: ZipkinSpan): ZipkinSpanInOtlp {
  const tags = new Map(span.tags);
  const resource: AttributeMap = new Map();
  const serviceName = span.localEndpoint?.serviceName;
  if (serviceName !== undefined) resource.set("service.name", stringValue(serviceName));
  for (const [key, value] of tags) {
    if (!isResourceAttributeKey(key)) continue;
    resource.set(key, stringValue(value));
    tags.delete(key);
  }
  const scope = takeScope(tags);
  const traceState = take(tags, "w3c.tracestate");
  const kind = span.kind !== undefined ? KINDS[span.kind] : takeKindTag(tags);
  const status = takeStatus(tags);
  const links = takeLinks(tags);

  const attributes: AttributeMap = new Map();
  for (const [key, value] of tags) attributes.set(key, stringValue(value));
  const local = span.localEndpoint;
  const remote = span.remoteEndpoint;
  if (local?.ipv4 !== undefined) attributes.set("net.host.ip", stringValue(local.ipv4));
  if (local?.ipv6 !== undefined) attributes.set("net.host.ip", stringValue(local.ipv6));
  if (local?.port !== undefined) attributes.set("net.host.port", { intValue: String(local.port) });
  if (remote?.serviceName !== undefined) attributes.set("peer.service", stringValue(remote.serviceName));
  if (remote?.ipv4 !== undefined) attributes.set("net.peer.ip", stringValue(remote.ipv4));
  if (remote?.ipv6 !== undefined) attributes.set("net.peer.ip", stringValue(remote.ipv6));
  if (remote?.port !== undefined) attributes.set("net.peer.port", { intValue: String(remote.port) });

  // readZipkinSpan's caller only converts spans with a timestamp.
  const start = span.timestamp ?? 0n;
  return {
    resource: toKeyValues(resource),
    scope,
    span: {
      traceId: span.traceId,
      spanId: span.id,
      parentSpanId: span.parentId ?? "",
      ...(traceState ? { traceState } : {}),
      name: span.name ?? UNKNOWN_SPAN_NAME,
      kind,
      startTimeUnixNano: microsToNanos(start),
      endTimeUnixNano: microsToNanos(start + (span.duration ?? 0n)),
      attributes: toKeyValues(attributes),
      events: span.annotations.map(toEvent),
      links,
      status,
    },
  };
}

function take(tags: Map<string, string>, key: string): string | undefined {
  const value = tags.get(key);
  tags.delete(key);
  return value;
}

function takeScope(tags: Map<string, string>): ScopeName {
  for (const prefix of ["otel.scope", "otel.library"]) {
    const name = take(tags, `${prefix}.name`);
    if (name !== undefined) return { name, version: take(tags, `${prefix}.version`) ?? "" };
  }
  return { name: "", version: "" };
}

function takeKindTag(tags: Map<string, string>): number {
  const value = tags.get("span.kind");
  if (value === undefined || !Object.hasOwn(KIND_TAG_VALUES, value)) return 0;
  tags.delete("span.kind");
  return KIND_TAG_VALUES[value];
}

function takeStatus(tags: Map<string, string>): { code: number; message?: string } {
  let code = STATUS_UNSET;
  let message = "";
  const statusCode = take(tags, "otel.status_code");
  if (statusCode !== undefined) {
    code = STATUS_CODES[statusCode.toUpperCase().replace(/^STATUS_CODE_/, "")] ?? STATUS_UNSET;
    message = take(tags, "otel.status_description") ?? "";
  }
  const error = tags.get("error");
  if (error !== undefined) {
    code = STATUS_ERROR;
    // "true" says nothing more than the status now does; another value is the error's text.
    if (error === "true") tags.delete("error");
    else if (message === "") message = error;
  }
  return message === "" ? { code } : { code, message };
}

/** OpenTelemetry's Zipkin exporter writes links as tags `otlp.link.<i>` = "traceId|spanId|traceState|{attributes}|dropped". */
function takeLinks(tags: Map<string, string>): OtlpJsonLink[] {
  const links: OtlpJsonLink[] = [];
  for (let i = 0; i < MAX_LINKS; i++) {
    const key = `otlp.link.${i}`;
    const value = tags.get(key);
    if (value === undefined) break;
    const parts = value.split("|");
    const traceId = padHexId(parts[0] ?? "", 32);
    const spanId = padHexId(parts[1] ?? "", 16);
    const extra = parts.length >= 5 ? decodeEncodedAttributes(parts.slice(3)) : undefined;
    // Anything else is not the exporter's encoding: the tag stays an attribute.
    if (traceId === undefined || spanId === undefined || extra === undefined) continue;
    tags.delete(key);
    links.push({ traceId, spanId, ...(parts[2] ? { traceState: parts[2] } : {}), attributes: extra.attributes, ...(extra.dropped > 0 ? { droppedAttributesCount: extra.dropped } : {}) });
  }
  return links;
}

/** The exporter writes an event with attributes as the annotation "name|{attributes as JSON}|dropped". */
function toEvent(annotation: ZipkinAnnotation): OtlpJsonEvent {
  const timeUnixNano = microsToNanos(annotation.timestamp);
  const parts = annotation.value.split("|");
  const extra = parts.length >= 3 ? decodeEncodedAttributes(parts.slice(1)) : undefined;
  if (extra === undefined) return { timeUnixNano, name: annotation.value, attributes: [] };
  return { timeUnixNano, name: parts[0], attributes: extra.attributes, ...(extra.dropped > 0 ? { droppedAttributesCount: extra.dropped } : {}) };
}

/** `parts` = the JSON (which may itself contain "|") followed by the dropped-attributes count. */
function decodeEncodedAttributes(parts: string[]): { attributes: OtlpJsonKeyValue[]; dropped: number } | undefined {
  const dropped = parts[parts.length - 1];
  if (!/^\d+$/.test(dropped)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(parts.slice(0, -1).join("|"));
  } catch {
    return undefined;
  }
  if (!isJsonObject(json)) return undefined;
  const attributes: OtlpJsonKeyValue[] = [];
  for (const [key, value] of Object.entries(json)) {
    const converted = jsonToAnyValue(value);
    if (converted !== undefined) attributes.push({ key, value: converted });
  }
  return { attributes, dropped: Number(dropped) };
}

/** As the Collector's jsonMapToAttributeMap: integral numbers are ints, other values of other types are left out. */
function jsonToAnyValue(value: unknown): OtlpJsonAnyValue | undefined {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  if (typeof value === "number") return Number.isInteger(value) ? { intValue: BigInt(value).toString() } : { doubleValue: value };
  return undefined;
}
