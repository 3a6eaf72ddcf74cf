// The last evaluated state of each model's LLM thresholds. A change of state is written only
// from the state that was read, so of two instances evaluating at once one records (and
// announces) the crossing.
import type { ThresholdMetric, ThresholdReading, ThresholdState } from "../webhooks/track-threshold-crossings";
import type { Store } from "./db";

export async function thresholdStates(store: Store, workspaceId: string): Promise<ThresholdState[]> {
  const rows = await store.prisma.llmThresholdState.findMany({ where: { workspaceId }, select: { model: true, metric: true, crossed: true } });
  return rows.map((r) => ({ model: r.model, metric: r.metric as ThresholdMetric, crossed: r.crossed }));
}

/** Records a crossing; false when another evaluation recorded it first. */
export async function markThresholdCrossed(store: Store, workspaceId: string, reading: ThresholdReading, nowMs: number): Promise<boolean> {
  const id = { workspaceId, model: reading.model, metric: reading.metric };
  const updated = await store.prisma.llmThresholdState.updateMany({ where: { ...id, crossed: false }, data: { crossed: true, value: reading.value, changedAtMs: BigInt(nowMs) } });
  if (updated.count > 0) return true;
  try {
    await store.prisma.llmThresholdState.create({ data: { ...id, crossed: true, value: reading.value, changedAtMs: BigInt(nowMs) } });
    return true;
  } catch (error) {
    // The row exists: either it is already crossed, or another instance just created it.
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}

export async function markThresholdRecovered(store: Store, workspaceId: string, state: ThresholdState, nowMs: number): Promise<void> {
  await store.prisma.llmThresholdState.updateMany({ where: { workspaceId, model: state.model, metric: state.metric, crossed: true }, data: { crossed: false, changedAtMs: BigInt(nowMs) } });
}

/** Workspaces with at least one LLM alert threshold set. */
export async function workspacesWithLlmThresholds(store: Store): Promise<string[]> {
  const rows = await store.prisma.workspace.findMany({
    where: { OR: [{ llmAlertErrorRate: { not: null } }, { llmAlertLatencyP95Ms: { not: null } }, { llmAlertCostPerHourUsd: { not: null } }] },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
