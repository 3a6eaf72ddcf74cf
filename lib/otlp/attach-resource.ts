// Resource and scope can follow the spans on the wire (protobuf fields may come in any
// order), so the decoders fill them in once a ResourceSpans / ScopeSpans is complete.
import { classifyTraffic } from "./classify-traffic";
import type { Span, SpanResource, SpanScope } from "./span";

export const UNKNOWN_SERVICE = "unknown";

export function resolveServiceName(resource: SpanResource): string {
  const name = resource.attributes["service.name"];
  return typeof name === "string" && name !== "" ? name : UNKNOWN_SERVICE;
}

/** Gives spans[from..] their scope. */
export function attachScope(spans: Span[], from: number, scope: SpanScope): void {
  for (let i = from; i < spans.length; i++) spans[i].scope = scope;
}

/** Gives spans[from..] their resource and service, then classifies them (classification reads both). */
export function attachResource(spans: Span[], from: number, resource: SpanResource): void {
  const service = resolveServiceName(resource);
  for (let i = from; i < spans.length; i++) {
    const span = spans[i];
    span.resource = resource;
    span.service = service;
    const traffic = classifyTraffic({
      name: span.name,
      kind: span.kind,
      attributes: span.attributes,
      resourceAttributes: resource.attributes,
    });
    span.isTestGenerated = traffic.isTestGenerated;
    span.isSynthetic = traffic.isSynthetic;
  }
}

/** Placeholders until attachResource/attachScope run; never returned to callers. */
export const PENDING_RESOURCE: SpanResource = Object.freeze({ attributes: {}, droppedAttributesCount: 0, schemaUrl: "" }) as SpanResource;
export const PENDING_SCOPE: SpanScope = Object.freeze({ name: "", version: "", attributes: {}, droppedAttributesCount: 0, schemaUrl: "" }) as SpanScope;

/** Kind numbers outside the enum (proto3 enums are open) read as UNSPECIFIED. */
export function toSpanKind(kind: number): Span["kind"] {
  return kind >= 0 && kind <= 5 ? (kind as Span["kind"]) : 0;
}

export function toSpanStatus(code: number): Span["status"] {
  return code === 1 ? "ok" : code === 2 ? "error" : "unset";
}
