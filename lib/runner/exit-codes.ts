// A CI job branches on these: a regression (1) must stay distinguishable from "could not
// tell" (3), which usually means the tracing pipeline, not the system, needs a look.
export const EXIT_PASSED = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_INCONCLUSIVE = 3;

export interface OutcomeCounts {
  passed: number;
  failed: number;
  inconclusive: number;
  /** Files that could not be read or loaded. */
  errors: number;
}

export function exitCodeOf(counts: OutcomeCounts): number {
  if (counts.failed > 0 || counts.errors > 0) return EXIT_FAILED;
  if (counts.inconclusive > 0) return EXIT_INCONCLUSIVE;
  return EXIT_PASSED;
}
