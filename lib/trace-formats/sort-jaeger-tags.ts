// Tags in key order, as Jaeger's query service hands them out (its sort-tags adjuster): the
// order a store keeps attributes in is not part of a trace (PostgreSQL's jsonb sorts keys its own way).
import type { JaegerKeyValue, JaegerTrace } from "./jaeger-json";

const byKey = (a: JaegerKeyValue, b: JaegerKeyValue) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function sortJaegerTags(trace: JaegerTrace): JaegerTrace {
  return {
    ...trace,
    spans: trace.spans.map((span) => ({ ...span, tags: [...span.tags].sort(byKey), logs: span.logs.map((log) => ({ ...log, fields: [...log.fields].sort(byKey) })) })),
    processes: Object.fromEntries(Object.entries(trace.processes).map(([id, process]) => [id, { ...process, tags: [...process.tags].sort(byKey) }])),
  };
}
