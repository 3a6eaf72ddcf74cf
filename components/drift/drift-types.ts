// Drift alerts as the API returns them, typed from the queries that build them.
import type { listDriftLearning } from "@/lib/store/drift-learning-queries";
import type { getDriftAlert } from "@/lib/store/drift-queries";

export type DriftAlert = NonNullable<Awaited<ReturnType<typeof getDriftAlert>>>;
export type DriftDiffRow = DriftAlert["diff"]["rows"][number];

export interface DriftAlertList {
  alerts: DriftAlert[];
  total: number;
}

export type DriftLearning = Awaited<ReturnType<typeof listDriftLearning>>;
export type EntryPointLearning = DriftLearning["entry_points"][number];
