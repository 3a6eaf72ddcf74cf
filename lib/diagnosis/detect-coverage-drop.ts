// coverage.dropped: what fell between two evaluations of a workspace's coverage.
import { endpointCoverageKey, type Coverage, type EndpointCoverage } from "./compute-coverage";

/** What an evaluation keeps of the coverage to compare the next one with. */
export interface CoverageSnapshot {
  coveredCount: number;
  endpointCount: number;
  /** endpointCoverageKey of every endpoint, and of the covered ones. */
  endpoints: ReadonlySet<string>;
  covered: ReadonlySet<string>;
}

export interface CoverageDrop {
  previousRatio: number;
  coverageRatio: number;
  /** Covered at the previous evaluation, not now: their passing runs left the window. */
  newlyUncovered: EndpointCoverage[];
  /** Endpoints first seen since the previous evaluation, none of them covered yet. */
  newEndpoints: EndpointCoverage[];
}

export function snapshotCoverage(coverage: Coverage): CoverageSnapshot {
  return {
    coveredCount: coverage.coveredCount,
    endpointCount: coverage.endpoints.length,
    endpoints: new Set(coverage.endpoints.map(endpointCoverageKey)),
    covered: new Set(coverage.endpoints.filter((e) => e.covered).map(endpointCoverageKey)),
  };
}

/**
 * The drop from `previous` to `current`, or null when the ratio did not fall. Without endpoints
 * there is no ratio, so neither side of such a pair is a drop. Compared as fractions
 * (a/b < c/d as a·d < c·b), so equal ratios of different sizes never differ by rounding.
 */
export function detectCoverageDrop(previous: CoverageSnapshot | undefined, current: Coverage): CoverageDrop | null {
  if (previous === undefined || previous.endpointCount === 0 || current.endpoints.length === 0) return null;
  if (current.coveredCount * previous.endpointCount >= previous.coveredCount * current.endpoints.length) return null;
  return {
    previousRatio: previous.coveredCount / previous.endpointCount,
    coverageRatio: current.coveredCount / current.endpoints.length,
    newlyUncovered: current.endpoints.filter((e) => !e.covered && previous.covered.has(endpointCoverageKey(e))),
    newEndpoints: current.endpoints.filter((e) => !e.covered && !previous.endpoints.has(endpointCoverageKey(e))),
  };
}
