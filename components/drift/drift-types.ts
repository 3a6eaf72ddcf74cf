// Drift alerts as the API returns them: the contract lives in lib/api.
export type { DriftAlert, DriftAlertList, DriftDiffRow, DriftLearning, EntryPointLearning } from "@/lib/api/drift.schemas";
