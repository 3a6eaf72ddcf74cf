// How far each entry point is through its learning window, for the Drift page: a first session
// otherwise shows nothing until the window ends, which by default takes a day.
import { isInLearningWindow, type LearningSettings } from "./learning-window";

export interface EntryPointLearningState {
  /** Start of the entry point's first trace, epoch ms (trace time). */
  firstTraceMs: number;
  /** Traces currently attributed to the entry point. */
  traceCount: number;
  /** When its learning window ended (wall clock), null while it is still learning. */
  learnedAtMs: number | null;
}

export interface LearningProgress {
  tracesSeen: number;
  tracesNeeded: number;
  /** When the time half of the window ends, epoch ms: first trace + learningMs. */
  learningEndsAtMs: number;
  /** Time left of the window at `nowMs`, 0 once it has passed. */
  remainingMs: number;
  /** The baseline is complete: the entry point's next new path raises an alert. */
  ready: boolean;
  /** 0..1: the slower of the two halves (traces and time), since the later one ends the window. */
  fraction: number;
}

const share = (done: number, needed: number) => (needed <= 0 ? 1 : Math.min(1, Math.max(0, done / needed)));

export function learningProgress(state: EntryPointLearningState, settings: LearningSettings, nowMs: number): LearningProgress {
  const learningEndsAtMs = state.firstTraceMs + settings.learningMs;
  const remainingMs = Math.max(0, learningEndsAtMs - nowMs);
  // Once ended the window stays ended (late spans lowering the count do not reopen it); before
  // that, the next trace arriving now would be judged against the baseline when outside it.
  const ready = state.learnedAtMs !== null || !isInLearningWindow({ firstTraceMs: state.firstTraceMs, tracesBefore: state.traceCount }, nowMs, settings);
  const fraction = ready ? 1 : Math.min(share(state.traceCount, settings.learningTraces), share(nowMs - state.firstTraceMs, settings.learningMs));
  return { tracesSeen: state.traceCount, tracesNeeded: settings.learningTraces, learningEndsAtMs, remainingMs: ready ? 0 : remainingMs, ready, fraction };
}
