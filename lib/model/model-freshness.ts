// When a cached model is good enough to answer with. Flows change with every completed trace,
// so a busy workspace would rebuild on every request; a model at most MODEL_MAX_AGE_MS old
// answers instead, and a quiet workspace keeps its model until a flow changes.

export const MODEL_MAX_AGE_MS = 15_000;

export interface CachedModelState {
  flowsVersion: string;
  builtAtMs: number;
}

export function isModelFresh(cached: CachedModelState | undefined, flowsVersion: string, nowMs: number, maxAgeMs = MODEL_MAX_AGE_MS): boolean {
  if (!cached) return false;
  if (cached.flowsVersion === flowsVersion) return true;
  return nowMs - cached.builtAtMs < maxAgeMs;
}
