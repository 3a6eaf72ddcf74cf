// Jaeger's query API over a workspace's traces, in the JSON Jaeger's query service answers, so
// Grafana's Jaeger data source, the Jaeger UI and toad-eye's export-trace read Flowprint as they
// read Jaeger. Span conditions and search come from trace search; rendering from lib/trace-formats.
import { sortJaegerTags, spansToJaegerTraces, toJaegerQueryResponse, type JaegerQueryResponse, type JaegerTrace } from "../../trace-formats";
import type { SpanView } from "../../store/span-queries";
import { jaegerSearchQuery } from "../../trace-formats/jaeger-search-params";
import type { Store } from "../../store/db";
import { getServiceGraph } from "../../store/flow-repository";
import { getTraceSpans } from "../../store/span-queries";
import { searchTraces } from "../../store/trace-search";
import { listSearchOperations, listSearchServices } from "../../store/trace-search-options";
import { spanFromView } from "./span-from-view";

/** Jaeger's envelope around a list that is not traces (services, operations, dependencies). */
const list = <T>(data: T[]) => ({ data, total: data.length, limit: 0, offset: 0, errors: null });

const render = (workspaceId: string, spans: SpanView[]): JaegerTrace[] => spansToJaegerTraces(spans.map((s) => spanFromView(workspaceId, s))).map(sortJaegerTags);

/** A Jaeger trace id (16 or 32 hex digits) as Flowprint stores it; null for anything else. */
export function storedTraceId(id: string): string | null {
  const lower = id.trim().toLowerCase();
  return /^[0-9a-f]{1,32}$/.test(lower) ? lower.padStart(32, "0") : null;
}

export async function jaegerTrace(store: Store, workspaceId: string, id: string): Promise<JaegerQueryResponse | null> {
  const traceId = storedTraceId(id);
  if (traceId === null) return null;
  const spans = await getTraceSpans(store, workspaceId, traceId);
  if (spans.length === 0) return null;
  return toJaegerQueryResponse(render(workspaceId, spans));
}

export async function jaegerServices(store: Store, workspaceId: string) {
  return list(await listSearchServices(store, workspaceId));
}

/** `/api/services/:service/operations`: names only, as the v1 UI and Grafana read them. */
export async function jaegerOperationNames(store: Store, workspaceId: string, service: string) {
  return list(await listSearchOperations(store, workspaceId, service));
}

/** `/api/operations?service=`: names with a span kind (left empty: the list is by name). */
export async function jaegerOperations(store: Store, workspaceId: string, service: string) {
  return list((await listSearchOperations(store, workspaceId, service)).map((name) => ({ name, spanKind: "" })));
}

/** `/api/traces?service&operation&tags&minDuration&maxDuration&start&end&limit`: whole traces, newest first. */
export async function jaegerSearch(store: Store, workspaceId: string, params: URLSearchParams, nowMs: number): Promise<JaegerQueryResponse> {
  const found = await searchTraces(store, workspaceId, jaegerSearchQuery(params, nowMs));
  const traces = [];
  for (const summary of found.traces) {
    const spans = await getTraceSpans(store, workspaceId, summary.trace_id);
    traces.push(...render(workspaceId, spans));
  }
  return toJaegerQueryResponse(traces);
}

/** `/api/dependencies`: the service graph's calls between services (and to databases and topics), over all time. */
export async function jaegerDependencies(store: Store, workspaceId: string) {
  const graph = await getServiceGraph(store, workspaceId, "service");
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  return list(graph.edges.map((e) => ({ parent: label.get(e.source) ?? e.source, child: label.get(e.target) ?? e.target, callCount: e.call_count })));
}
