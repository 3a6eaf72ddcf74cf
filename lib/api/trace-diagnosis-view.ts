// The diagnosis part of GET .../telemetry/traces/:traceId: the critical path and where the
// trace's errors start, read from the spans the response already carries.
import { buildErrorChain } from "../diagnosis/build-error-chain";
import { criticalPathSelfTimeNs, findCriticalPath } from "../diagnosis/find-critical-path";
import type { ErrorOrigin } from "../diagnosis/find-error-origins";
import { findErrorOrigins } from "../diagnosis/find-error-origins";
import { buildSpanTree } from "../traces/build-span-tree";
import { traceSpanOfView, type AnalysedSpanView } from "../store/span-queries";

export interface CriticalPathSectionView {
  span_id: string;
  start_time_unix_nano: string;
  end_time_unix_nano: string;
  duration_ms: number;
  /** The span's time on the critical path, all its sections together. */
  self_time_ms: number;
}

export interface ErrorOriginView {
  span_id: string;
  service: string;
  operation: string;
  status_message: string;
  reason: ErrorOrigin["reason"];
  role: ErrorOrigin["role"];
  start_time_unix_nano: string;
  duration_ms: number;
  /** timeout_masked: the error span that gave up waiting on this one. */
  masked_by_span_id: string | null;
}

export interface ErrorChainView {
  origin_span_id: string;
  role: ErrorOrigin["role"];
  reason: ErrorOrigin["reason"];
  /** Span ids from the origin up to the root. */
  links: string[];
}

export interface TraceDiagnosisView {
  critical_path: CriticalPathSectionView[];
  error_origins: ErrorOriginView[];
  error_chains: ErrorChainView[];
}

const nsToMs = (ns: number) => ns / 1e6;

export function traceDiagnosisView(spans: readonly AnalysedSpanView[]): TraceDiagnosisView {
  const tree = buildSpanTree(spans.map(traceSpanOfView));
  const sections = findCriticalPath(tree);
  const onPath = criticalPathSelfTimeNs(sections);
  const origins = findErrorOrigins(tree);
  return {
    critical_path: sections.map((s) => ({
      span_id: s.spanId,
      start_time_unix_nano: s.startNs.toString(),
      end_time_unix_nano: s.endNs.toString(),
      duration_ms: nsToMs(Number(s.endNs - s.startNs)),
      self_time_ms: nsToMs(onPath.get(s.spanId) ?? 0),
    })),
    error_origins: origins.map((o) => ({
      span_id: o.spanId,
      service: o.service,
      operation: o.operation,
      status_message: o.statusMessage,
      reason: o.reason,
      role: o.role,
      start_time_unix_nano: o.startNs.toString(),
      duration_ms: nsToMs(o.durationNs),
      masked_by_span_id: o.maskedBySpanId ?? null,
    })),
    error_chains: origins.map((o) => ({
      origin_span_id: o.spanId,
      role: o.role,
      reason: o.reason,
      links: buildErrorChain(tree, o.spanId).map((link) => link.spanId),
    })),
  };
}
