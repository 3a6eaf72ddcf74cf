// Accepting and dismissing drift alerts: reads the alert, lets lib/drift/plan-drift-action
// decide, and writes the move conditional on the state it read, with its baseline change, in
// one transaction.
import { ANSWERED_ALERT_STATES, planDriftAction, type DriftAction } from "../drift/plan-drift-action";
import type { Store } from "./db";

export type { DriftAction };

export type DriftActionResult = { kind: "done"; alertId: string } | { kind: "not_found" } | { kind: "conflict"; state: string };

export async function applyDriftAction(store: Store, workspaceId: string, alertId: string, action: DriftAction, nowMs = Date.now()): Promise<DriftActionResult> {
  return store.prisma.$transaction(async (tx) => {
    const alert = await tx.driftAlert.findFirst({ where: { id: alertId, workspaceId } });
    const plan = planDriftAction(alert, action);
    if (plan.kind === "done") return { kind: "done", alertId };
    if (plan.kind !== "move") return plan;
    const moved = await tx.driftAlert.updateMany({ where: { id: alertId, state: plan.from }, data: { state: plan.to, updatedAtMs: BigInt(nowMs) } });
    if (moved.count === 0) return { kind: "conflict", state: "changed meanwhile" };
    const { entryPointId, fingerprint, path } = plan.alert;
    if (plan.baseline === "add_to_baseline") {
      await tx.baselineVariant.upsert({
        where: { entryPointId_fingerprint: { entryPointId, fingerprint } },
        create: { entryPointId, fingerprint, path: path as never, source: "accepted", acceptedAtMs: BigInt(nowMs) },
        update: { source: "accepted", acceptedAtMs: BigInt(nowMs) },
      });
    }
    if (plan.baseline === "remove_from_baseline") {
      await tx.baselineVariant.deleteMany({ where: { entryPointId, fingerprint } });
      await tx.driftAlert.deleteMany({ where: { entryPointId, kind: "new_variant", fingerprint, state: { in: [...ANSWERED_ALERT_STATES] } } });
    }
    return { kind: "done", alertId };
  });
}
