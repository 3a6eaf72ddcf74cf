// The system model of a workspace, built from the flows' sampled traces when first asked for
// and rebuilt when its flows changed and it is older than MODEL_MAX_AGE_MS. Reading it
// (`staleWhileRevalidate`, the System page and the model API) never waits for a rebuild: the
// older model answers once more while the new one is built in the background. Exports wait,
// so a test is planned from the flows as they are. One build at a time per workspace.
import { errorFields, logger } from "../http/logger";
import { buildSystemModel } from "../model/build-system-model";
import { isModelFresh, type CachedModelState } from "../model/model-freshness";
import type { SystemModel } from "../model/model-types";
import type { Store } from "../store/db";
import { loadModelInput, readFlowsVersion } from "../store/model-queries";

/** Each flow's representative and its most recent samples: enough to see bodies and data flow. */
export const MODEL_TRACES_PER_FLOW = 8;
const REBUILD_DELAY_MS = 100;

interface CacheEntry extends CachedModelState {
  model: SystemModel;
}

const globalSlot = globalThis as unknown as { __flowprintModelCache?: Map<string, CacheEntry>; __flowprintModelBuilds?: Map<string, Promise<CacheEntry>> };
const cache = (globalSlot.__flowprintModelCache ??= new Map());
const builds = (globalSlot.__flowprintModelBuilds ??= new Map());

function build(store: Store, workspaceId: string, key: string, version: string, nowMs: number): Promise<CacheEntry> {
  let pending = builds.get(key);
  if (!pending) {
    pending = (async () => {
      const input = await loadModelInput(store, workspaceId, MODEL_TRACES_PER_FLOW, nowMs);
      const entry = { model: buildSystemModel(input), flowsVersion: version, builtAtMs: nowMs };
      cache.set(key, entry);
      return entry;
    })().finally(() => builds.delete(key));
    builds.set(key, pending);
  }
  return pending;
}

/** `rebuild`: wait for a model of the flows as they are now, even a fresh one. */
export async function getSystemModel(store: Store, workspaceId: string, options: { nowMs?: number; rebuild?: boolean; staleWhileRevalidate?: boolean } = {}): Promise<SystemModel> {
  const nowMs = options.nowMs ?? Date.now();
  const key = `${store.url}\u0000${workspaceId}`;
  const version = await readFlowsVersion(store, workspaceId);
  const cached = cache.get(key);
  if (!options.rebuild && cached) {
    if (isModelFresh(cached, version, nowMs)) return cached.model;
    if (options.staleWhileRevalidate) {
      // The build runs on this thread: started a moment later, it does not hold up the answer
      // that is being sent now.
      setTimeout(() => {
        // Someone built a newer one meanwhile (an export waits for its own).
        if (cache.get(key) !== cached) return;
        build(store, workspaceId, key, version, nowMs).catch((error: unknown) => logger.error({ workspace: workspaceId, ...errorFields(error) }, "rebuilding the system model failed"));
      }, REBUILD_DELAY_MS).unref();
      return cached.model;
    }
  }
  return (await build(store, workspaceId, key, version, nowMs)).model;
}
