import type { TraceDetail } from "./trace-detail-types";

// Attribute namespaces of the GenAI conventions the server extracts calls from
// (OpenTelemetry GenAI and OpenLLMetry `gen_ai.*`, OpenInference `llm.*` and its span kind).
const LLM_PREFIXES = ["gen_ai.", "llm.", "openinference."];

/** Whether a span's attributes look like part of an LLM call; the server decides which are calls. */
export function looksLikeLlmSpan(attributes: unknown): boolean {
  if (attributes === null || typeof attributes !== "object" || Array.isArray(attributes)) return false;
  return Object.keys(attributes).some((key) => LLM_PREFIXES.some((prefix) => key.startsWith(prefix)));
}

/**
 * Whether any span of the trace looks like part of an LLM call: enough to offer an eval export.
 * The server decides what is exportable and says so when nothing is.
 */
export function hasLlmSpans(trace: TraceDetail): boolean {
  return trace.spans.some((span) => looksLikeLlmSpan(span.attributes));
}
