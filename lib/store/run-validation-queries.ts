// What validating a test run reads: the system's spans of the run's trace, the runner's own
// spans of it, the flow the test came from, the trace's state and the workspace's default timeout.
import type { Attributes, SpanKindNumber } from "../otlp/span";
import type { TraceContextSpanInput } from "../trace-assert";
import type { Store } from "./db";

const STATUS = ["unset", "ok", "error"] as const;

/** The trace's spans from the system under test (not the runner's), with their resources' attributes. */
export async function loadRunSpans(store: Store, workspaceId: string, traceId: string): Promise<TraceContextSpanInput[]> {
  const rows = await store.prisma.span.findMany({
    where: { workspaceId, traceId, isTestGenerated: false },
    select: { traceId: true, spanId: true, parentSpanId: true, service: true, name: true, kind: true, statusCode: true, statusMessage: true, startNs: true, endNs: true, attributes: true, events: true, resourceId: true },
  });
  const resources = new Map(
    (await store.prisma.resource.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.resourceId))] } }, select: { id: true, attributes: true } })).map((r) => [r.id, r.attributes as Attributes]),
  );
  return rows.map((r) => ({
    traceId: r.traceId,
    spanId: r.spanId,
    parentSpanId: r.parentSpanId,
    service: r.service,
    name: r.name,
    kind: r.kind as SpanKindNumber,
    status: STATUS[r.statusCode] ?? "unset",
    statusMessage: r.statusMessage,
    startNs: r.startNs,
    endNs: r.endNs,
    attributes: (r.attributes ?? {}) as Attributes,
    resourceAttributes: resources.get(r.resourceId) ?? {},
    events: ((r.events ?? []) as { name: string; attributes?: Attributes }[]).map((e) => ({ name: e.name, attributes: e.attributes ?? {} })),
  }));
}

/** The runner's own spans of the trace whose name starts with `namePrefix`. */
export async function testGeneratedSpansNamed(store: Store, workspaceId: string, traceId: string, namePrefix: string): Promise<{ spanId: string; attributes: Attributes | null }[]> {
  const rows = await store.prisma.span.findMany({ where: { workspaceId, traceId, isTestGenerated: true, name: { startsWith: namePrefix } }, select: { spanId: true, attributes: true } });
  return rows.map((r) => ({ spanId: r.spanId, attributes: r.attributes as Attributes | null }));
}

/** The stored flow row (aggregates still serialized), when it belongs to the workspace. */
export function findFlowRow(store: Store, workspaceId: string, flowId: string) {
  return store.prisma.flow.findFirst({ where: { id: flowId, workspaceId } });
}

/** The trace's state (open, complete, ...), or null when the trace is not stored. */
export async function traceState(store: Store, workspaceId: string, traceId: string): Promise<string | null> {
  const row = await store.prisma.trace.findUnique({ where: { workspaceId_traceId: { workspaceId, traceId } }, select: { state: true } });
  return row?.state ?? null;
}

/** The workspace's default_timeout_ms, or null when the workspace does not exist. */
export async function workspaceDefaultTimeoutMs(store: Store, workspaceId: string): Promise<number | null> {
  const row = await store.prisma.workspace.findUnique({ where: { id: workspaceId }, select: { defaultTimeoutMs: true } });
  return row?.defaultTimeoutMs ?? null;
}
