// Reading back how far each entry point of a workspace is through its drift learning window.
import { learningProgress } from "../drift/learning-progress";
import type { Store } from "./db";

// The schema's defaults, for a workspace that has not been created yet.
const DEFAULT_LEARNING_MS = 86_400_000;
const DEFAULT_LEARNING_TRACES = 100;

/** One entry point's way through its learning window. */
export interface EntryPointLearningView {
  entry_service: string;
  entry_operation: string;
  traces_seen: number;
  traces_needed: number;
  first_trace_at: string;
  learning_ends_at: string;
  remaining_ms: number;
  progress: number;
  ready: boolean;
  baseline_variants: number;
}

/** The workspace's learning window and a page of its entry points, still learning first. */
export interface DriftLearningView {
  learning_ms: number;
  learning_traces: number;
  total: number;
  learning: number;
  ready: number;
  entry_points: EntryPointLearningView[];
}

export async function listDriftLearning(store: Store, workspaceId: string, page: { limit: number; offset: number }, nowMs: number): Promise<DriftLearningView> {
  const [workspace, rows] = await Promise.all([
    store.prisma.workspace.findUnique({ where: { id: workspaceId }, select: { driftLearningMs: true, driftLearningTraces: true } }),
    store.prisma.entryPoint.findMany({
      where: { workspaceId },
      select: { entryService: true, entryOperation: true, firstTraceMs: true, traceCount: true, learnedAtMs: true, _count: { select: { baseline: true } } },
    }),
  ]);
  const settings = { learningMs: workspace?.driftLearningMs ?? DEFAULT_LEARNING_MS, learningTraces: workspace?.driftLearningTraces ?? DEFAULT_LEARNING_TRACES };
  const entries = rows
    .map((row) => ({
      row,
      progress: learningProgress({ firstTraceMs: Number(row.firstTraceMs), traceCount: row.traceCount, learnedAtMs: row.learnedAtMs === null ? null : Number(row.learnedAtMs) }, settings, nowMs),
    }))
    // Still learning first, the furthest from done on top; then ready ones; by name within.
    .sort(
      (a, b) =>
        Number(a.progress.ready) - Number(b.progress.ready) ||
        (a.progress.ready ? 0 : a.progress.fraction - b.progress.fraction) ||
        a.row.entryService.localeCompare(b.row.entryService) ||
        a.row.entryOperation.localeCompare(b.row.entryOperation),
    );
  const learning = entries.filter((e) => !e.progress.ready).length;
  return {
    learning_ms: settings.learningMs,
    learning_traces: settings.learningTraces,
    total: entries.length,
    learning,
    ready: entries.length - learning,
    entry_points: entries.slice(page.offset, page.offset + page.limit).map(({ row, progress }) => ({
      entry_service: row.entryService,
      entry_operation: row.entryOperation,
      traces_seen: progress.tracesSeen,
      traces_needed: progress.tracesNeeded,
      first_trace_at: new Date(Number(row.firstTraceMs)).toISOString(),
      learning_ends_at: new Date(progress.learningEndsAtMs).toISOString(),
      remaining_ms: progress.remainingMs,
      progress: progress.fraction,
      ready: progress.ready,
      baseline_variants: row._count.baseline,
    })),
  };
}
