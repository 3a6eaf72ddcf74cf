// A baseline variant that stopped appearing: a service is no longer called. Judged in trace
// time so replayed traffic behaves as live traffic.

/** Only variants that carried this much of their entry point's traffic can go missing. */
export const MIN_MISSING_SHARE = 0.2;
/** How sure absence must be before it is called missing (1 - chance it is a coincidence). */
export const MISSING_CONFIDENCE = 0.999;

export interface BaselineVariantTraffic {
  fingerprint: string;
  /** Traces of the variant so far. */
  count: number;
  /** Start of its latest trace, epoch ms. */
  lastSeenMs: number;
}

export interface MissingCandidate {
  fingerprint: string;
  share: number;
  lastSeenMs: number;
  /** Entry point traces without the variant needed since lastSeenMs to call it missing. */
  tracesNeeded: number;
}

/**
 * Traces in a row without a variant of share `share` before its absence is significant: a
 * variant seen in 20% of traces is absent from 31 traces in a row by chance once in a thousand.
 */
export function tracesNeededToCallMissing(share: number, confidence = MISSING_CONFIDENCE): number {
  if (share >= 1) return 1;
  if (share <= 0) return Number.POSITIVE_INFINITY;
  return Math.ceil(Math.log(1 - confidence) / Math.log(1 - share));
}

/**
 * Baseline variants that carried at least MIN_MISSING_SHARE of the entry point's traces and
 * have not been seen for `missingMs` of the entry point's own traffic. The caller still checks
 * that enough of the entry point's traces arrived since (`tracesNeeded`): a quiet entry point
 * is not a missing variant.
 */
export function findMissingCandidates(
  baseline: readonly BaselineVariantTraffic[],
  entry: { traceCount: number; lastTraceMs: number },
  missingMs: number,
): MissingCandidate[] {
  if (entry.traceCount === 0) return [];
  const out: MissingCandidate[] = [];
  for (const variant of baseline) {
    const share = variant.count / entry.traceCount;
    if (share < MIN_MISSING_SHARE || share >= 1) continue;
    if (entry.lastTraceMs - variant.lastSeenMs < missingMs) continue;
    out.push({ fingerprint: variant.fingerprint, share, lastSeenMs: variant.lastSeenMs, tracesNeeded: tracesNeededToCallMissing(share) });
  }
  return out.sort((a, b) => b.share - a.share || (a.fingerprint < b.fingerprint ? -1 : 1));
}
