// Accepting and dismissing drift alerts. Accepting a new variant adds it to its entry point's
// baseline; accepting a missing one takes the missing variant out of the baseline. Both are
// idempotent; dismissing an accepted alert is refused (accepting changed the baseline), while a
// dismissed alert may still be accepted.
import type { Store } from "./db";

export type DriftAction = "accept" | "dismiss";

export type DriftActionResult = { kind: "done"; alertId: string } | { kind: "not_found" } | { kind: "conflict"; state: string };

const TARGET: Record<DriftAction, string> = { accept: "accepted", dismiss: "dismissed" };
const ALLOWED_FROM: Record<DriftAction, string[]> = { accept: ["open", "rare", "dismissed"], dismiss: ["open", "rare"] };

export async function applyDriftAction(store: Store, workspaceId: string, alertId: string, action: DriftAction, nowMs = Date.now()): Promise<DriftActionResult> {
  return store.prisma.$transaction(async (tx) => {
    const alert = await tx.driftAlert.findFirst({ where: { id: alertId, workspaceId } });
    // Pending alerts are still waiting for late spans: not shown, not actionable.
    if (!alert || alert.state === "pending") return { kind: "not_found" };
    if (alert.state === TARGET[action]) return { kind: "done", alertId };
    if (!ALLOWED_FROM[action].includes(alert.state)) return { kind: "conflict", state: alert.state };
    const moved = await tx.driftAlert.updateMany({ where: { id: alertId, state: alert.state }, data: { state: TARGET[action], updatedAtMs: BigInt(nowMs) } });
    if (moved.count === 0) return { kind: "conflict", state: "changed meanwhile" };
    if (action === "accept" && alert.kind === "new_variant") {
      await tx.baselineVariant.upsert({
        where: { entryPointId_fingerprint: { entryPointId: alert.entryPointId, fingerprint: alert.fingerprint } },
        create: { entryPointId: alert.entryPointId, fingerprint: alert.fingerprint, path: alert.path as never, source: "accepted", acceptedAtMs: BigInt(nowMs) },
        update: { source: "accepted", acceptedAtMs: BigInt(nowMs) },
      });
    }
    if (action === "accept" && alert.kind === "variant_missing") {
      await tx.baselineVariant.deleteMany({ where: { entryPointId: alert.entryPointId, fingerprint: alert.fingerprint } });
      // Should the variant return, it is a change again: let it raise a new-variant alert.
      await tx.driftAlert.deleteMany({ where: { entryPointId: alert.entryPointId, kind: "new_variant", fingerprint: alert.fingerprint, state: { in: ["accepted", "dismissed"] } } });
    }
    return { kind: "done", alertId };
  });
}
