// The words the Drift page uses for an entry point's learning progress ("37 of 100 traces",
// "about 3 h left", "baseline ready"), kept beside the domain so they can be tested.
import type { LearningProgress } from "./learning-progress";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Rounded to a unit a person reads at a glance: "about 3 h left", "about 2 days left". */
export function describeTimeLeft(remainingMs: number): string {
  if (remainingMs <= 0) return "no time left";
  if (remainingMs < MINUTE) return "less than a minute left";
  if (remainingMs < 90 * MINUTE) return `about ${Math.round(remainingMs / MINUTE)} min left`;
  if (remainingMs < 36 * HOUR) return `about ${Math.round(remainingMs / HOUR)} h left`;
  return `about ${plural(Math.round(remainingMs / DAY), "day", "days")} left`;
}

export interface LearningDescription {
  /** "37 of 100 traces", or "140 traces" once there are enough or the baseline is ready. */
  traces: string;
  /** What still ends the window: "about 3 h left", "waiting for 63 more traces", or "baseline ready". */
  status: string;
}

export function describeLearning(p: Pick<LearningProgress, "tracesSeen" | "tracesNeeded" | "remainingMs" | "ready">): LearningDescription {
  // Once ready (or enough), "of N" would only confuse: the window may have been changed since.
  const traces = p.ready || p.tracesSeen >= p.tracesNeeded ? plural(p.tracesSeen, "trace", "traces") : `${p.tracesSeen} of ${plural(p.tracesNeeded, "trace", "traces")}`;
  if (p.ready) return { traces, status: "baseline ready" };
  if (p.remainingMs > 0) return { traces, status: describeTimeLeft(p.remainingMs) };
  return { traces, status: `waiting for ${plural(Math.max(1, p.tracesNeeded - p.tracesSeen), "more trace", "more traces")}` };
}
