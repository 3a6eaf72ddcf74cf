// Reading drift back: alerts for the API and the dashboard, and which entry points drifted.
import { diffPaths, type PathDiff } from "../drift/diff-paths";
import type { VariantExplanation } from "../drift/explain-variants";
import { formatPath } from "../flows/format-path";
import { sampleTraceIds } from "../flows/pick-representative";
import type { PathNode } from "../traces/path-node";
import type { Store } from "./db";
import { sqlDialect } from "./sql-dialect";

export type DriftState = "open" | "rare" | "accepted" | "dismissed";
const VISIBLE: DriftState[] = ["open", "rare", "dismissed", "accepted"];
const EXAMPLE_TRACES = 5;

const entryKey = (workspaceId: string, service: string, operation: string) => `${workspaceId}\u0000${service}\u0000${operation}`;

/** A variant explanation as the API returns it (lib/drift/explain-variants). */
export interface VariantExplanationView {
  text: string;
  node: VariantExplanation["node"];
  effect: VariantExplanation["effect"];
  attribute: string;
  value: string;
  support: number;
  of: number;
  variant_fingerprint: string;
}

/** One row of an alert's side-by-side path diff. */
export interface DriftDiffRowView {
  kind: PathDiff<PathNode>["rows"][number]["kind"];
  node: PathNode;
  previous_index: number | null;
  current_index: number | null;
}

/** A drift alert as the API and the dashboard read it. */
export interface DriftAlertView {
  id: string;
  kind: string;
  state: string;
  entry_service: string;
  entry_operation: string;
  previous_path: string;
  current_path: string;
  previous_nodes: PathNode[];
  current_nodes: PathNode[];
  previous_fingerprint: string | null;
  current_fingerprint: string | null;
  diff: Pick<PathDiff<PathNode>, "added" | "removed" | "moved"> & { rows: DriftDiffRowView[] };
  detected_at: string;
  updated_at: string;
  occurrences: number;
  traffic_share: number;
  flow_id: string | null;
  example_trace_ids: string[];
  explanation: string | null;
  explanations: VariantExplanationView[];
}

type AlertRow = NonNullable<Awaited<ReturnType<typeof loadAlerts>>[number]>;

function loadAlerts(store: Store, ids: string[]) {
  return store.prisma.driftAlert.findMany({ where: { id: { in: ids } }, include: { entryPoint: true } });
}

function nodesOf(value: unknown): PathNode[] {
  return (value ?? []) as PathNode[];
}

export function explanationView(e: VariantExplanation): VariantExplanationView {
  return { text: e.text, node: e.node, effect: e.effect, attribute: e.attribute, value: e.value, support: e.support, of: e.of, variant_fingerprint: e.variantId };
}

async function alertViews(store: Store, rows: AlertRow[]): Promise<DriftAlertView[]> {
  const wanted = rows.flatMap((a) => [a.fingerprint, ...(a.otherFingerprint ? [a.otherFingerprint] : [])].map((fingerprint) => ({ a, fingerprint })));
  const flows =
    wanted.length === 0
      ? []
      : await store.prisma.flow.findMany({
          where: {
            OR: wanted.map(({ a, fingerprint }) => ({
              workspaceId: a.workspaceId,
              entryService: a.entryPoint.entryService,
              entryOperation: a.entryPoint.entryOperation,
              fingerprint,
            })),
          },
          select: { id: true, workspaceId: true, entryService: true, entryOperation: true, fingerprint: true, occurrenceCount: true, samples: true },
        });
  const flowOf = (a: AlertRow, fingerprint: string | null) =>
    fingerprint === null
      ? undefined
      : flows.find((f) => f.workspaceId === a.workspaceId && f.entryService === a.entryPoint.entryService && f.entryOperation === a.entryPoint.entryOperation && f.fingerprint === fingerprint);

  return rows.map((a) => {
    const missing = a.kind === "variant_missing";
    // previous → current: a new variant is compared with the closest baseline variant; a missing
    // one with where its traffic went.
    const previous = nodesOf(missing ? a.path : a.otherPath);
    const current = nodesOf(missing ? a.otherPath : a.path);
    const variantFlow = flowOf(a, a.fingerprint);
    const currentFlow = missing ? flowOf(a, a.otherFingerprint) : variantFlow;
    const entryTracesSince = Math.max(0, a.entryPoint.traceCount - a.entryCountAtDetection);
    const variantCount = variantFlow?.occurrenceCount ?? 0;
    const occurrences = missing ? entryTracesSince : variantCount;
    const share = missing
      ? a.entryPoint.traceCount === 0
        ? 0
        : variantCount / a.entryPoint.traceCount
      : Math.min(1, variantCount / Math.max(1, entryTracesSince, variantCount));
    const diff = diffPaths(previous, current);
    const explanations = ((a.entryPoint.explanations ?? []) as unknown as VariantExplanation[]).filter((e) => e.variantId === a.fingerprint);
    return {
      id: a.id,
      kind: a.kind,
      state: a.state,
      entry_service: a.entryPoint.entryService,
      entry_operation: a.entryPoint.entryOperation,
      previous_path: formatPath(previous),
      current_path: formatPath(current),
      previous_nodes: previous,
      current_nodes: current,
      previous_fingerprint: missing ? a.fingerprint : a.otherFingerprint,
      current_fingerprint: missing ? a.otherFingerprint : a.fingerprint,
      diff: {
        added: diff.added,
        removed: diff.removed,
        moved: diff.moved,
        rows: diff.rows.map((r) => ({ kind: r.kind, node: r.node, previous_index: r.previousIndex, current_index: r.currentIndex })),
      },
      detected_at: new Date(Number(a.detectedAtMs)).toISOString(),
      updated_at: new Date(Number(a.updatedAtMs)).toISOString(),
      // new_variant: traces of the new variant (all came after detection); variant_missing:
      // traces of the entry point since detection, none of which took the missing variant.
      occurrences,
      // new_variant: its share of the entry point's traffic since detection; variant_missing:
      // the share the missing variant had carried.
      traffic_share: share,
      flow_id: currentFlow?.id ?? null,
      example_trace_ids: currentFlow ? sampleTraceIds(currentFlow.samples as never).slice(0, EXAMPLE_TRACES) : [],
      explanation: explanations[0]?.text ?? null,
      explanations: explanations.map(explanationView),
    };
  });
}

export async function listDriftAlerts(
  store: Store,
  workspaceId: string,
  filter: { state?: DriftState; entryService?: string; limit: number; offset: number },
): Promise<{ alerts: DriftAlertView[]; total: number }> {
  const d = sqlDialect(store.dialect);
  const states = filter.state ? [filter.state] : VISIBLE;
  const params: unknown[] = [workspaceId, ...states];
  let where = `a.workspace_id = ${d.param(1)} AND a.state IN (${states.map((_, i) => d.param(i + 2)).join(", ")})`;
  if (filter.entryService) {
    params.push(filter.entryService);
    where += ` AND e.entry_service = ${d.param(params.length)}`;
  }
  const from = `FROM drift_alerts a JOIN entry_points e ON e.id = a.entry_point_id WHERE ${where}`;
  // Open alerts first, then rare, dismissed and accepted; newest first within each.
  const idRows = await store.prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT a.id ${from} ORDER BY CASE a.state WHEN 'open' THEN 0 WHEN 'rare' THEN 1 WHEN 'dismissed' THEN 2 ELSE 3 END, a.detected_at_ms DESC, a.id LIMIT ${filter.limit} OFFSET ${filter.offset}`,
    ...params,
  );
  const [{ n }] = await store.prisma.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n ${from}`, ...params);
  const rows = await loadAlerts(store, idRows.map((r) => r.id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { alerts: await alertViews(store, idRows.map((r) => byId.get(r.id)!).filter(Boolean)), total: Number(n) };
}

export async function getDriftAlert(store: Store, workspaceId: string, alertId: string): Promise<DriftAlertView | null> {
  const row = await store.prisma.driftAlert.findFirst({ where: { id: alertId, workspaceId, state: { in: VISIBLE } }, include: { entryPoint: true } });
  return row ? (await alertViews(store, [row]))[0] : null;
}

export interface DriftDetails {
  alert_id: string;
  previous_path: string;
  current_path: string;
  detected_at: string;
}

/** Entry points with an open alert, each with its newest open alert's details. */
export async function driftedEntryPoints(store: Store, workspaceId: string, entries?: { entryService: string; entryOperation: string }[]) {
  const alerts = await store.prisma.driftAlert.findMany({
    where: {
      workspaceId,
      state: "open",
      ...(entries ? { entryPoint: { OR: entries.map((e) => ({ entryService: e.entryService, entryOperation: e.entryOperation })) } } : {}),
    },
    include: { entryPoint: { select: { entryService: true, entryOperation: true } } },
    orderBy: [{ detectedAtMs: "desc" }, { id: "asc" }],
  });
  const out = new Map<string, DriftDetails & { entryService: string; entryOperation: string }>();
  for (const a of alerts) {
    const key = entryKey(workspaceId, a.entryPoint.entryService, a.entryPoint.entryOperation);
    if (out.has(key)) continue;
    const missing = a.kind === "variant_missing";
    out.set(key, {
      entryService: a.entryPoint.entryService,
      entryOperation: a.entryPoint.entryOperation,
      alert_id: a.id,
      previous_path: formatPath(nodesOf(missing ? a.path : a.otherPath)),
      current_path: formatPath(nodesOf(missing ? a.otherPath : a.path)),
      detected_at: new Date(Number(a.detectedAtMs)).toISOString(),
    });
  }
  return { get: (service: string, operation: string) => out.get(entryKey(workspaceId, service, operation)), entries: [...out.values()] };
}

/** The cached explanations of an entry point's variants (lib/drift/explain-variants). */
export async function entryPointExplanations(store: Store, workspaceId: string, entryService: string, entryOperation: string): Promise<VariantExplanation[]> {
  const ep = await store.prisma.entryPoint.findUnique({
    where: { workspaceId_entryService_entryOperation: { workspaceId, entryService, entryOperation } },
    select: { explanations: true },
  });
  return (ep?.explanations ?? []) as unknown as VariantExplanation[];
}
