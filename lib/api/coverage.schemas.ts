// GET /api/v1/workspaces/:ws/telemetry/coverage: query and response shapes.
import { z } from "zod";
import type { RiskBadge } from "../flows/classify-risk";

export const coverageQuerySchema = z.object({
  // Default: the workspace's coverage_window_days.
  window_days: z.coerce.number({ message: "must be a number of days" }).int("must be a whole number of days").min(1, "must be at least 1").max(365, "must be at most 365").optional(),
});

export interface EndpointCoverageView {
  service: string;
  method: string | null;
  route: string;
  risk: number;
  risk_level: RiskBadge;
  /** Flow ids, riskiest first. */
  flows: string[];
  last_run_at: string | null;
  last_passing_run_at: string | null;
  covered: boolean;
}

export interface FlowCoverageView {
  id: string;
  name: string;
  entry_service: string;
  entry_operation: string;
  risk: number;
  risk_level: RiskBadge;
  endpoint_count: number;
  last_run_at: string | null;
  last_passing_run_at: string | null;
  covered: boolean;
}

export interface CoverageResponse {
  window_days: number;
  endpoints: EndpointCoverageView[];
  flows: FlowCoverageView[];
  covered_count: number;
  uncovered_count: number;
  /** covered_count / endpoints; null when no flow has an endpoint. */
  coverage_ratio: number | null;
  covered_flow_count: number;
}
