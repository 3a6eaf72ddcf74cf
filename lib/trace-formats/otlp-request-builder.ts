// Collects converted spans into one ExportTraceServiceRequest: a ResourceSpans per distinct
// resource (Jaeger process, Zipkin local endpoint) and a ScopeSpans per instrumentation scope
// within it, each in the order first seen, as the Collector regroups Jaeger batches by process.
import type { OtlpJsonKeyValue, OtlpJsonRequest, OtlpJsonResourceSpans, OtlpJsonScopeSpans, OtlpJsonSpan } from "./otlp-json";

export interface ScopeName {
  name: string;
  version: string;
}

interface ResourceEntry {
  resourceSpans: OtlpJsonResourceSpans;
  scopes: Map<string, OtlpJsonScopeSpans>;
}

export class OtlpRequestBuilder {
  private readonly resources = new Map<string, ResourceEntry>();
  spanCount = 0;

  add(resourceAttributes: OtlpJsonKeyValue[], scope: ScopeName, span: OtlpJsonSpan): void {
    // Equal attribute lists (same keys, values and order) are the same resource.
    const resourceKey = JSON.stringify(resourceAttributes);
    let entry = this.resources.get(resourceKey);
    if (entry === undefined) {
      entry = { resourceSpans: { resource: { attributes: resourceAttributes }, scopeSpans: [] }, scopes: new Map() };
      this.resources.set(resourceKey, entry);
    }
    const scopeKey = JSON.stringify([scope.name, scope.version]);
    let scopeSpans = entry.scopes.get(scopeKey);
    if (scopeSpans === undefined) {
      scopeSpans = { scope: scope.version === "" ? { name: scope.name } : { name: scope.name, version: scope.version }, spans: [] };
      entry.scopes.set(scopeKey, scopeSpans);
      entry.resourceSpans.scopeSpans.push(scopeSpans);
    }
    scopeSpans.spans.push(span);
    this.spanCount++;
  }

  build(): OtlpJsonRequest {
    return { resourceSpans: Array.from(this.resources.values(), (entry) => entry.resourceSpans) };
  }
}
