// What each built-in event says: its one-line summary, the dashboard page that shows it and its
// data. coverage.dropped is described by whoever raises it (enqueueWebhookEvent takes the facts).
import { formatPath } from "../flows/format-path";
import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";
import { describeRunDiagnosis, withoutCodeMarks } from "../validation/describe-run-diagnosis";
import type { TraceValidation } from "../validation/validate-trace";
import type { WebhookEventFacts } from "./webhook-event";

const ws = (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}`;

export interface OpenedDriftAlert {
  id: string;
  workspaceId: string;
  kind: "new_variant" | "variant_missing";
  entryService: string;
  entryOperation: string;
  /** The variant the alert is about: the new one, or the missing one. */
  path: readonly PathNode[];
  /** The variant compared with: the closest baseline variant, or where the traffic went. */
  otherPath: readonly PathNode[];
  detectedAtMs: number;
}

export function describeDriftOpened(alert: OpenedDriftAlert): WebhookEventFacts {
  const missing = alert.kind === "variant_missing";
  const previous = missing ? alert.path : alert.otherPath;
  const current = missing ? alert.otherPath : alert.path;
  const before = new Set(previous.map(nodeKey));
  const after = new Set(current.map(nodeKey));
  const added = [...after].filter((key) => !before.has(key));
  const removed = [...before].filter((key) => !after.has(key));
  const entry = `${alert.entryService} ${alert.entryOperation}`;
  const change = [...added.map((k) => `+ ${k}`), ...removed.map((k) => `- ${k}`)].join(", ");
  return {
    summary: missing ? `Drift: a usual path of ${entry} went missing${change ? ` (${change})` : ""}` : `Drift: ${entry} took a new path${change ? ` (${change})` : ""}`,
    path: `${ws(alert.workspaceId)}/drift/${encodeURIComponent(alert.id)}`,
    data: {
      alert_id: alert.id,
      kind: alert.kind,
      entry_service: alert.entryService,
      entry_operation: alert.entryOperation,
      previous_path: formatPath(previous),
      current_path: formatPath(current),
      added_nodes: added,
      removed_nodes: removed,
      detected_at: new Date(alert.detectedAtMs).toISOString(),
    },
  };
}

export interface FailedRun {
  id: string;
  workspaceId: string;
  testName: string;
  flowId: string | null;
  traceId: string;
  result: TraceValidation;
}

/** The problems of a failed validation, most telling first. */
function runProblems(result: TraceValidation): string[] {
  const problems: string[] = [];
  const nodes = (list: { type: string; identifier: string }[]) => list.map((n) => `${n.type}:${n.identifier}`).join(", ");
  if (result.missing_nodes.length > 0) problems.push(`missing ${nodes(result.missing_nodes)}`);
  if (result.unexpected_nodes.length > 0) problems.push(`unexpected ${nodes(result.unexpected_nodes)}`);
  if (result.order_violations.length > 0) problems.push(`out of order ${nodes(result.order_violations)}`);
  for (const span of result.error_spans.filter((s) => !s.expected)) problems.push(`error in ${span.service} ${span.operation}${span.message ? `: ${span.message}` : ""}`);
  for (const assertion of result.failed_assertions) problems.push(`assertion failed: ${assertion.expression}`);
  for (const span of result.slow_spans) problems.push(`slow ${span.service} ${span.operation}: ${span.duration_ms} ms over ${span.budget_ms} ms`);
  for (const step of result.step_results ?? []) if (step.status === "failed") problems.push(`step ${step.id} failed`);
  return problems;
}

export function describeRunFailed(run: FailedRun): WebhookEventFacts {
  const problems = runProblems(run.result);
  const more = problems.length > 1 ? ` and ${problems.length - 1} more` : "";
  // Why it failed, as the runner's report says it: the summary leads with the first reason.
  const why = describeRunDiagnosis(run.result.diagnosis).map((line) => `${line.label}: ${withoutCodeMarks(line.text)}`);
  return {
    summary: why[0] ? `Test run "${run.testName}" failed: ${why[0]}` : `Test run "${run.testName}" failed${problems[0] ? `: ${problems[0]}${more}` : ""}`,
    // The flow's page lists its runs; a run of no known flow is best read from its trace.
    path: run.flowId ? `${ws(run.workspaceId)}/flows/${encodeURIComponent(run.flowId)}` : `${ws(run.workspaceId)}/traces/${encodeURIComponent(run.traceId)}`,
    data: {
      execution_id: run.id,
      test_name: run.testName,
      flow_id: run.flowId,
      trace_id: run.traceId,
      status: run.result.status,
      problems,
      why,
    },
  };
}

export interface ThresholdCrossing {
  workspaceId: string;
  model: string;
  metric: "error_rate" | "latency_p95_ms" | "cost_per_hour_usd";
  value: number;
  threshold: number;
  /** As the LLM page words the warning. */
  message: string;
  windowMs: number;
}

export function describeThresholdCrossed(crossing: ThresholdCrossing): WebhookEventFacts {
  const query = new URLSearchParams({ range: "1h", ...(crossing.model ? { model: crossing.model } : {}) });
  return {
    summary: `LLM threshold crossed: ${crossing.message}`,
    path: `${ws(crossing.workspaceId)}/llm?${query}`,
    data: {
      model: crossing.model,
      metric: crossing.metric,
      value: crossing.value,
      threshold: crossing.threshold,
      window_ms: crossing.windowMs,
    },
  };
}

export function describeTestEvent(workspaceId: string, webhookName: string): WebhookEventFacts {
  return {
    summary: `Test event for webhook "${webhookName}": deliveries reach this endpoint`,
    path: `${ws(workspaceId)}/settings#webhooks-title`,
    data: { webhook_name: webhookName },
  };
}
