// Coverage as the API returns it: snake_case, times as ISO 8601.
import type { Coverage } from "../diagnosis/compute-coverage";
import { classifyRisk } from "../flows/classify-risk";
import type { CoverageResponse } from "./coverage.schemas";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function coverageView(coverage: Coverage, windowDays: number): CoverageResponse {
  return {
    window_days: windowDays,
    endpoints: coverage.endpoints.map((e) => ({
      service: e.service,
      method: e.method,
      route: e.route,
      risk: e.risk,
      risk_level: classifyRisk(e.risk),
      flows: e.flows,
      last_run_at: iso(e.lastRunAtMs),
      last_passing_run_at: iso(e.lastPassingRunAtMs),
      covered: e.covered,
    })),
    flows: coverage.flows.map((f) => ({
      id: f.id,
      name: f.name,
      entry_service: f.entryService,
      entry_operation: f.entryOperation,
      risk: f.risk,
      risk_level: classifyRisk(f.risk),
      endpoint_count: f.endpointCount,
      last_run_at: iso(f.lastRunAtMs),
      last_passing_run_at: iso(f.lastPassingRunAtMs),
      covered: f.covered,
    })),
    covered_count: coverage.coveredCount,
    uncovered_count: coverage.uncoveredCount,
    coverage_ratio: coverage.coverageRatio,
    covered_flow_count: coverage.coveredFlowCount,
  };
}
