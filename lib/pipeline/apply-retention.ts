// Applies each workspace's retention_days in small chunks, each in its own exclusive section:
// one statement over a day of traffic held SQLite's write lock for seconds while ingestion waited.
import type { Store } from "../store/db";
import { deleteTraces, expiredTraceIds, workspaceRetentions } from "../store/retention";
import type { Exclusive } from "./complete-traces";

const DAY_MS = 86_400_000;
/** Traces per chunk: a chunk holds the writer for tens of milliseconds. */
const CHUNK = 500;

/** Start time (ns) before which a workspace's traces have expired. */
export function retentionCutoffNs(nowMs: number, retentionDays: number): bigint {
  return BigInt(nowMs - retentionDays * DAY_MS) * 1_000_000n;
}

export async function applyRetention(
  store: Store,
  options: { nowMs?: number; exclusive?: Exclusive; chunk?: number } = {},
): Promise<{ spans: number; traces: number }> {
  const { nowMs = Date.now(), exclusive = (work) => work(), chunk = CHUNK } = options;
  const workspaces = await workspaceRetentions(store);
  let spans = 0;
  let traces = 0;
  for (const { id, retentionDays } of workspaces) {
    const cutoffNs = retentionCutoffNs(nowMs, retentionDays);
    for (;;) {
      const deleted = await exclusive(async () => {
        const ids = await expiredTraceIds(store, id, cutoffNs, chunk);
        return { traces: ids.length, spans: await deleteTraces(store, id, ids) };
      });
      spans += deleted.spans;
      traces += deleted.traces;
      if (deleted.traces < chunk) break;
    }
  }
  return { spans, traces };
}
