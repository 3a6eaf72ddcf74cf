// The system model of a workspace, rebuilt from its flows when they changed and the cached one
// is older than MODEL_MAX_AGE_MS. One build at a time per workspace: concurrent requests share it.
import { buildSystemModel } from "../model/build-system-model";
import { isModelFresh, type CachedModelState } from "../model/model-freshness";
import type { SystemModel } from "../model/model-types";
import type { Store } from "../store/db";
import { loadModelInput, readFlowsVersion } from "../store/model-queries";

/** Each flow's representative and its most recent samples: enough to see bodies and data flow. */
export const MODEL_TRACES_PER_FLOW = 8;

interface CacheEntry extends CachedModelState {
  model: SystemModel;
}

const globalSlot = globalThis as unknown as { __flowprintModelCache?: Map<string, CacheEntry>; __flowprintModelBuilds?: Map<string, Promise<CacheEntry>> };
const cache = (globalSlot.__flowprintModelCache ??= new Map());
const builds = (globalSlot.__flowprintModelBuilds ??= new Map());

export async function getSystemModel(store: Store, workspaceId: string, options: { nowMs?: number; rebuild?: boolean } = {}): Promise<SystemModel> {
  const nowMs = options.nowMs ?? Date.now();
  const key = `${store.url}\u0000${workspaceId}`;
  const version = await readFlowsVersion(store, workspaceId);
  const cached = cache.get(key);
  if (!options.rebuild && cached && isModelFresh(cached, version, nowMs)) return cached.model;
  let build = builds.get(key);
  if (!build) {
    build = (async () => {
      const input = await loadModelInput(store, workspaceId, MODEL_TRACES_PER_FLOW, nowMs);
      const entry = { model: buildSystemModel(input), flowsVersion: version, builtAtMs: nowMs };
      cache.set(key, entry);
      return entry;
    })().finally(() => builds.delete(key));
    builds.set(key, build);
  }
  return (await build).model;
}
