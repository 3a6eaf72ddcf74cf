// The drift sweep lives in lib/pipeline/sweep-drift.ts (it decides with lib/drift and writes
// through lib/store/drift-sweep-queries.ts). This alias keeps `sweepDrift` importable from here
// for lib/pipeline/complete-traces.ts until it imports ./sweep-drift; then this file goes.
// eslint-disable-next-line no-restricted-imports -- a transitional alias, not a dependency of lib/store's own code
export { sweepDrift, type DriftSweepOptions } from "../pipeline/sweep-drift";
