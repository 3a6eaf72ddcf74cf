// An entry point's baseline is learned, not configured: every variant seen during its learning
// window is accepted. The window is the first `learningMs` of its traffic (trace time) and its
// first `learningTraces` traces, whichever ends later, so a busy entry point still learns for a
// whole day and a quiet one still sees enough traces before it can drift.

export interface LearningSettings {
  learningMs: number;
  learningTraces: number;
}

export interface EntryPointProgress {
  /** Start of the entry point's first trace, epoch ms. */
  firstTraceMs: number;
  /** Traces of the entry point recorded before this one. */
  tracesBefore: number;
}

/** Whether a trace starting at `traceMs` still falls in the learning window. */
export function isInLearningWindow(progress: EntryPointProgress, traceMs: number, settings: LearningSettings): boolean {
  return progress.tracesBefore < settings.learningTraces || traceMs - progress.firstTraceMs < settings.learningMs;
}
