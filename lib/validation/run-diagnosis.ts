// Why a test run failed, in the shape the API returns it (snake_case, stored with the run's
// ValidationResult): where its trace first went another way than the flow, where its errors
// started and how they travelled up, and which part of each slow node took the time.

export type DiagnosisNode = { type: string; identifier: string; service?: string };

export interface DiagnosisSpanRef {
  span_id: string;
  service: string;
  /** The span's name. */
  operation: string;
}

export interface FirstDivergence {
  /**
   * missing: `expected_node` never happened (with `unexpected_node` when the trace called that
   * instead, at the same place); unexpected: `unexpected_node` happened where `expected_node`
   * (null past the end of the expected path) was next; out_of_order: `expected_node` happened,
   * but later or earlier than the test expects.
   */
  kind: "missing" | "unexpected" | "out_of_order";
  /** The journey step whose part of the trace diverged; absent for the whole trace. */
  step_id?: string;
  expected_node: DiagnosisNode | null;
  unexpected_node: DiagnosisNode | null;
  /** The last expected node that did happen before the divergence; null at the trace's start. */
  after_node: DiagnosisNode | null;
  /** Where the trace went another way: the span that should have made the missing call, or the first unexpected or misplaced node's span. */
  diverged_at: DiagnosisSpanRef | null;
  /** The entry span's (and its resource's) scalar attributes, as the variant explanations read them. */
  request_attributes: Record<string, string>;
  /** What the entry point's variant explanations say about this request, when one applies. */
  explanation: string | null;
  /** The divergence in one sentence, with the explanation when there is one; names in `backticks`. */
  summary: string;
}

export interface ErrorChainOrigin extends DiagnosisSpanRef {
  status_message: string;
  /** Why the error starts here (lib/diagnosis/find-error-origins). */
  reason: "leaf_error" | "own_message" | "timeout_masked";
}

export interface RunErrorChain {
  origin: ErrorChainOrigin;
  /** The origin's callers up to the root, nearest first: spans that are nodes of the path (a call its callee reports is left out). */
  links: (DiagnosisSpanRef & { status_message: string })[];
}

export interface SlowNodeChild extends DiagnosisSpanRef {
  /** The span's time with none of its children running. */
  self_time_ms: number;
  duration_ms: number;
}

export interface SlowNode {
  /** `type:identifier`, as in slow_spans. */
  node: string;
  span_id: string;
  duration_ms: number;
  /** null when the flow has no figure for the node (the budget is then the default timeout). */
  baseline_p95_ms: number | null;
  budget_ms: number;
  /**
   * The span that took the time: from the slow span down through the longest child while that
   * child ran longer than its parent's own time; the slow span itself when no child explains it.
   */
  child: SlowNodeChild | null;
}

export interface RunDiagnosis {
  first_divergence: FirstDivergence | null;
  error_chain: RunErrorChain | null;
  slow_nodes: SlowNode[];
}
