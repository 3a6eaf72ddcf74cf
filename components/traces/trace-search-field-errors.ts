// A search the server refused (400, lib/api/traces.schemas.ts traceSearchQueryOf) names the bad
// parameter in `issues[0].path`: its reason belongs beside that field of the query bar, not in
// a page-wide error.
import { ApiRequestError } from "@/components/settings/request-json";

export type TraceQueryField = "service" | "operation" | "attr" | "status" | "duration" | "time";

const FIELDS: Record<string, { field: TraceQueryField; label: string }> = {
  service: { field: "service", label: "Service" },
  operation: { field: "operation", label: "Operation" },
  attr: { field: "attr", label: "Attribute filter" },
  status: { field: "status", label: "Status" },
  min_duration_ms: { field: "duration", label: "Minimum duration" },
  max_duration_ms: { field: "duration", label: "Maximum duration" },
  from: { field: "time", label: "Start of the range (from)" },
  to: { field: "time", label: "Search-back time (to)" },
};

export type TraceQueryFieldErrors = Partial<Record<TraceQueryField, string>>;

/** The refusal by field; empty when the error is not about a field of the bar. */
export function traceSearchFieldErrors(error: unknown): TraceQueryFieldErrors {
  const out: TraceQueryFieldErrors = {};
  if (!(error instanceof ApiRequestError) || error.status !== 400) return out;
  for (const issue of error.issues) {
    const known = FIELDS[issue.path];
    if (known) out[known.field] ??= `${known.label}: ${issue.message}`;
  }
  return out;
}

/** A refusal is the same answer next time: neither retried nor polled. */
export const isRefusal = (error: unknown) => error instanceof ApiRequestError && error.status >= 400 && error.status < 500;
