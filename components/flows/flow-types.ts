// The flow API's JSON as the dashboard reads it (lib/store/flow-queries.ts builds it).
import type { RiskLevel } from "@/components/ui/badges";
import type { PathNode } from "@/lib/traces/path-node";

export interface DriftDetailsView {
  alert_id: string;
  previous_path: string;
  current_path: string;
  detected_at: string;
}

export interface FlowView {
  id: string;
  /** The entry point's name, plus ` · <variant_label>` when the entry point has several variants. */
  name: string;
  /** What sets this variant apart from its entry point's others ("+ loyalty", "error", "#ac76"); null for the only one. */
  variant_label: string | null;
  fingerprint: string;
  entry_service: string;
  entry_operation: string;
  path: PathNode[];
  occurrence_count: number;
  avg_duration_ms: number;
  p95_duration_ms: number;
  error_rate: number;
  risk_score: number;
  risk_level: RiskLevel;
  first_seen_at: string;
  last_seen_at: string;
  representative_trace_id: string | null;
  drifted: boolean;
  drift_details: DriftDetailsView | null;
}

export interface FlowList {
  flows: FlowView[];
  total: number;
}

export interface ExplanationView {
  text: string;
  effect: "called" | "skipped";
  attribute: string;
  value: string;
  support: number;
  of: number;
}

export interface NodeStatView {
  /** `type:identifier`, as lib/traces/node-key.ts writes it. */
  node: string;
  count: number;
  error_rate: number;
  p50_duration_ms: number;
  p95_duration_ms: number;
}

export interface HourlyView {
  hour: string;
  count: number;
  error_count: number;
  error_rate: number;
  p95_duration_ms: number;
}

export interface FlowDetail extends FlowView {
  explanations: ExplanationView[];
  node_stats: NodeStatView[];
  sample_trace_ids: string[];
  hourly: HourlyView[];
  variants: (FlowView & { explanations: ExplanationView[] })[];
}
