// Rows the drift planners' decisions are written as and the settings they are read with, shared
// by trace completion's traffic recording and the drift sweep's queries.
import { randomUUID } from "node:crypto";
import type { NewDriftAlert } from "../drift/drift-alert";
import type { DriftSettings } from "../drift/drift-settings";
import type { Prisma } from "./generated/sqlite/client";

/** The row of a planned alert, with its new id. */
export function driftAlertRow(alert: NewDriftAlert) {
  return {
    id: randomUUID(),
    workspaceId: alert.workspaceId,
    entryPointId: alert.entryPointId,
    kind: alert.kind,
    state: alert.state,
    fingerprint: alert.fingerprint,
    path: alert.path as never,
    otherFingerprint: alert.otherFingerprint,
    otherPath: alert.otherPath as never,
    detectedAtMs: BigInt(alert.detectedAtMs),
    confirmAtMs: BigInt(alert.confirmAtMs),
    updatedAtMs: BigInt(alert.updatedAtMs),
    detectedTraceMs: BigInt(Math.trunc(alert.detectedTraceMs)),
    entryCountAtDetection: alert.entryCountAtDetection,
  };
}

/** The drift settings of the workspaces that still exist, by id. */
export async function readDriftSettings(db: Prisma.TransactionClient, workspaceIds: readonly string[]): Promise<Map<string, DriftSettings>> {
  const rows = await db.workspace.findMany({
    where: { id: { in: [...new Set(workspaceIds)] } },
    select: { id: true, driftLearningMs: true, driftLearningTraces: true, driftConfirmMs: true, driftMissingMs: true, driftRareRatio: true },
  });
  return new Map(
    rows.map((w) => [
      w.id,
      { learningMs: w.driftLearningMs, learningTraces: w.driftLearningTraces, confirmMs: w.driftConfirmMs, missingMs: w.driftMissingMs, rareRatio: w.driftRareRatio },
    ]),
  );
}
