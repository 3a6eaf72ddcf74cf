// Reading flows back for the API and the dashboard.
import { classifyRisk } from "../flows/classify-risk";
import { deserializeFlowAggregate } from "../flows/flow-aggregate";
import { listHourlyBuckets } from "../flows/hourly-buckets";
import { labelVariants, variantDisplayName } from "../flows/label-variants";
import { summarizeNodeStats } from "../flows/node-stats";
import { sampleTraceIds } from "../flows/pick-representative";
import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";
import type { Store } from "./db";
import { driftedEntryPoints, entryPointExplanations, explanationView, type DriftDetails } from "./drift-queries";

export type FlowSort = "risk_score" | "occurrence_count" | "error_rate" | "last_seen_at" | "name" | "entry" | "avg_duration_ms" | "p95_duration_ms" | "drifted";
export type SortOrder = "asc" | "desc";

/** Names and entry points read A to Z; numbers, times and drift put the largest first. */
export function defaultSortOrder(sort: FlowSort): SortOrder {
  return sort === "name" || sort === "entry" ? "asc" : "desc";
}

// Variants of one entry point share a stored name (labels are added on read), so text sorts
// fall back to the riskiest first.
const ORDER: Record<Exclude<FlowSort, "drifted">, (order: SortOrder) => object[]> = {
  risk_score: (order) => [{ riskScore: order }],
  occurrence_count: (order) => [{ occurrenceCount: order }],
  error_rate: (order) => [{ errorRate: order }],
  last_seen_at: (order) => [{ lastSeenMs: order }],
  avg_duration_ms: (order) => [{ avgDurationMs: order }],
  p95_duration_ms: (order) => [{ p95DurationMs: order }],
  name: (order) => [{ name: order }, { riskScore: "desc" }],
  entry: (order) => [{ entryService: order }, { entryOperation: order }, { riskScore: "desc" }],
};

type FlowRow = Awaited<ReturnType<Store["prisma"]["flow"]["findFirstOrThrow"]>>;

// `name` is the display name: the stored entry-point name plus, where the entry point has
// several variants, what sets this one apart (lib/flows/label-variants), worked out on read.
function flowView(row: FlowRow, labels: ReadonlyMap<string, string | null>, drift?: DriftDetails) {
  const label = labels.get(row.id) ?? null;
  return {
    id: row.id,
    name: variantDisplayName(row.name, label),
    variant_label: label,
    fingerprint: row.fingerprint,
    entry_service: row.entryService,
    entry_operation: row.entryOperation,
    path: row.path,
    occurrence_count: row.occurrenceCount,
    avg_duration_ms: row.avgDurationMs,
    p95_duration_ms: row.p95DurationMs,
    error_rate: row.errorRate,
    risk_score: row.riskScore,
    risk_level: classifyRisk(row.riskScore),
    first_seen_at: new Date(Number(row.firstSeenMs)).toISOString(),
    last_seen_at: new Date(Number(row.lastSeenMs)).toISOString(),
    representative_trace_id: (row.representative as { traceId?: string } | null)?.traceId ?? null,
    // Every flow of an entry point with an open drift alert is marked, with the newest alert.
    drifted: drift !== undefined,
    drift_details: drift ? { alert_id: drift.alert_id, previous_path: drift.previous_path, current_path: drift.current_path, detected_at: drift.detected_at } : null,
  };
}

export async function listFlows(
  store: Store,
  workspaceId: string,
  filter: { sort: FlowSort; order?: SortOrder; drifted?: boolean; service?: string; q?: string; node?: string; through_service?: string; limit: number; offset: number },
) {
  const order = filter.order ?? defaultSortOrder(filter.sort);
  // Paths are JSON; a workspace has thousands of flows at most, so the node filters read them.
  const throughNode = filter.node === undefined && filter.through_service === undefined ? null : await flowIdsThroughNode(store, workspaceId, filter.node, filter.through_service);
  const drifted = filter.drifted === undefined && filter.sort !== "drifted" ? null : await driftedEntryPoints(store, workspaceId);
  if (filter.drifted === true && drifted!.entries.length === 0) return { flows: [], total: 0 };
  const driftedKeys = drifted?.entries.map((e) => ({ entryService: e.entryService, entryOperation: e.entryOperation })) ?? [];
  const where = {
    workspaceId,
    ...(filter.drifted === true ? { AND: [{ OR: driftedKeys }] } : {}),
    ...(filter.drifted === false && driftedKeys.length > 0 ? { NOT: { OR: driftedKeys } } : {}),
    ...(filter.service ? { entryService: filter.service } : {}),
    ...(throughNode ? { id: { in: throughNode } } : {}),
    ...(filter.q ? { OR: [{ name: { contains: filter.q } }, { entryOperation: { contains: filter.q } }] } : {}),
  };
  const page = { take: filter.limit, skip: filter.offset };
  const { rows, total } =
    filter.sort === "drifted"
      ? await pageByDrift(store, where, driftedKeys, order, page)
      : await Promise.all([
          store.prisma.flow.findMany({ where, orderBy: [...ORDER[filter.sort](order), { id: "asc" }], ...page }),
          store.prisma.flow.count({ where }),
        ]).then(([rows, total]) => ({ rows, total }));
  const entries = rows.map((r) => ({ entryService: r.entryService, entryOperation: r.entryOperation }));
  const [drift, labels] = await Promise.all([drifted ?? driftedEntryPoints(store, workspaceId, entries), variantLabels(store, workspaceId, entries)]);
  return { flows: rows.map((row) => flowView(row, labels, drift.get(row.entryService, row.entryOperation))), total };
}

/**
 * Drift is not a column but open alerts of entry points, so the sort pages through two
 * queries: the drifted flows (first when descending), then the others, each riskiest first.
 */
async function pageByDrift(
  store: Store,
  where: object,
  driftedKeys: { entryService: string; entryOperation: string }[],
  order: SortOrder,
  page: { take: number; skip: number },
): Promise<{ rows: FlowRow[]; total: number }> {
  const orderBy = [{ riskScore: "desc" as const }, { id: "asc" as const }];
  const groups = driftedKeys.length === 0 ? [where] : [{ AND: [where, { OR: driftedKeys }] }, { AND: [where, { NOT: { OR: driftedKeys } }] }];
  if (order === "asc") groups.reverse();
  const counts = await Promise.all(groups.map((g) => store.prisma.flow.count({ where: g })));
  const rows: FlowRow[] = [];
  let skip = page.skip;
  for (const [i, group] of groups.entries()) {
    const take = page.take - rows.length;
    if (take > 0 && skip < counts[i]) rows.push(...(await store.prisma.flow.findMany({ where: group, orderBy, skip, take })));
    skip = Math.max(0, skip - counts[i]);
  }
  return { rows, total: counts.reduce((a, b) => a + b, 0) };
}

/** flow id → variant label, for every flow of the given entry points. */
export async function variantLabels(store: Store, workspaceId: string, entries: readonly { entryService: string; entryOperation: string }[]): Promise<Map<string, string | null>> {
  const labels = new Map<string, string | null>();
  const unique = [...new Map(entries.map((e) => [JSON.stringify([e.entryService, e.entryOperation]), e])).values()];
  if (unique.length === 0) return labels;
  const rows = await store.prisma.flow.findMany({
    where: { workspaceId, OR: unique.map((e) => ({ entryService: e.entryService, entryOperation: e.entryOperation })) },
    select: { id: true, entryService: true, entryOperation: true, fingerprint: true, path: true, errorRate: true },
  });
  const byEntry = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = JSON.stringify([row.entryService, row.entryOperation]);
    const group = byEntry.get(key);
    if (group === undefined) byEntry.set(key, [row]);
    else group.push(row);
  }
  for (const group of byEntry.values()) {
    const labelled = labelVariants(group.map((r) => ({ id: r.id, fingerprint: r.fingerprint, path: r.path as unknown as PathNode[], errorRate: r.errorRate })));
    for (const [id, label] of labelled) labels.set(id, label);
  }
  return labels;
}

/**
 * Flows whose path has the node `key` and (when given) a node of `service`: one of its
 * endpoints, a database or topic it used, the service itself. A path node's service is the
 * one whose span it came from, so a shared route counts for the service that served it.
 */
async function flowIdsThroughNode(store: Store, workspaceId: string, key: string | undefined, service: string | undefined): Promise<string[]> {
  const rows = await store.prisma.flow.findMany({ where: { workspaceId }, select: { id: true, path: true } });
  return rows
    .filter((row) => {
      const path = row.path as unknown as PathNode[];
      return (key === undefined || path.some((node) => nodeKey(node) === key)) && (service === undefined || path.some((node) => node.service === service));
    })
    .map((row) => row.id);
}

export async function getFlow(store: Store, workspaceId: string, flowId: string) {
  const row = await store.prisma.flow.findFirst({ where: { id: flowId, workspaceId } });
  if (!row) return null;
  const aggregate = deserializeFlowAggregate(row);
  const [variants, drift, explanations, labels] = await Promise.all([
    store.prisma.flow.findMany({
      where: { workspaceId, entryService: row.entryService, entryOperation: row.entryOperation, id: { not: row.id } },
      orderBy: { occurrenceCount: "desc" },
      take: 20,
    }),
    driftedEntryPoints(store, workspaceId, [{ entryService: row.entryService, entryOperation: row.entryOperation }]),
    entryPointExplanations(store, workspaceId, row.entryService, row.entryOperation),
    variantLabels(store, workspaceId, [{ entryService: row.entryService, entryOperation: row.entryOperation }]),
  ]);
  const explain = (fingerprint: string) => explanations.filter((e) => e.variantId === fingerprint).map(explanationView);
  const detail = drift.get(row.entryService, row.entryOperation);
  return {
    ...flowView(row, labels, detail),
    // Why this variant differs from the entry point's others (lib/drift/explain-variants).
    explanations: explain(row.fingerprint),
    node_stats: summarizeNodeStats(aggregate.nodeStats).map((n) => ({
      node: n.nodeKey,
      count: n.count,
      error_rate: n.errorRate,
      p50_duration_ms: n.p50DurationMs,
      p95_duration_ms: n.p95DurationMs,
    })),
    sample_trace_ids: sampleTraceIds(aggregate.samples),
    // Hourly volume, error rate and p95 for charts, oldest first.
    hourly: listHourlyBuckets(aggregate.hourly).map((b) => ({
      hour: new Date(b.startMs).toISOString(),
      count: b.count,
      error_count: b.errorCount,
      error_rate: b.errorRate,
      p95_duration_ms: b.p95DurationMs,
    })),
    variants: variants.map((v) => ({ ...flowView(v, labels, detail), explanations: explain(v.fingerprint) })),
  };
}

/** Id and display name of the given flows (variants named apart), in the order asked. */
export async function flowNames(store: Store, workspaceId: string, flowIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (flowIds.length === 0) return [];
  const rows = await store.prisma.flow.findMany({ where: { workspaceId, id: { in: [...flowIds] } }, select: { id: true, name: true, entryService: true, entryOperation: true } });
  const labels = await variantLabels(store, workspaceId, rows);
  const byId = new Map(rows.map((r) => [r.id, { id: r.id, name: variantDisplayName(r.name, labels.get(r.id) ?? null) }]));
  return flowIds.map((id) => byId.get(id)).filter((f): f is { id: string; name: string } => f !== undefined);
}
