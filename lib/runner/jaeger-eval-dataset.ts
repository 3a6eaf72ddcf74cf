// A trace as Jaeger's query API answers it → the eval dataset `flowprint export-trace` writes, by
// the steps Flowprint's own export takes: Jaeger JSON → OTLP requests → Spans (lib/trace-formats,
// as an import of the file would), Spans → LLM calls (extractLlmCall, as trace completion indexes
// them), calls → dataset and YAML (as the eval-export route does). Pure: the answer is the input.
import { buildEvalDataset, NoExportableSpansError } from "../eval/build-eval-dataset";
import { evalDatasetFileName } from "../eval/eval-dataset-file-name";
import { renderEvalDatasetYaml } from "../eval/render-eval-dataset-yaml";
import { extractLlmCall } from "../genai/extract-llm-call";
import type { LlmCall } from "../genai/llm-call";
import { decodeImportedRequests, formatImportProblem, jaegerToOtlp } from "../trace-formats";

/** The dataset as Flowprint's eval-export answers it: the YAML, its file name, its case count. */
export interface ExportedDataset {
  yaml: string;
  fileName: string;
  cases: number;
}

export type JaegerDatasetResult = { ok: true; dataset: ExportedDataset; warnings: string[] } | { ok: false; message: string; warnings: string[] };

// Names the answer in a problem's `where`: "Jaeger's answer at data[0].spans[3].startTime".
const ANSWER = "Jaeger's answer";

/** Jaeger's "no such trace": `{data: []}`, or `{data: null}` beside an error list. */
function holdsNoTrace(document: unknown): boolean {
  if (typeof document !== "object" || document === null || Array.isArray(document)) return false;
  const data = (document as { data?: unknown }).data;
  return data === null || (Array.isArray(data) && data.length === 0);
}

export function notFoundMessage(traceId: string, jaegerUrl: string): string {
  return `Jaeger at ${jaegerUrl} has no trace ${traceId}.`;
}

/**
 * `source` names Jaeger's query URL where a Flowprint export names its workspace: the dataset
 * schema has no other place to say where the trace came from.
 */
export function evalDatasetFromJaeger(document: unknown, traceId: string, jaegerUrl: string, exportedAt: Date): JaegerDatasetResult {
  if (holdsNoTrace(document)) return { ok: false, message: notFoundMessage(traceId, jaegerUrl), warnings: [] };
  const converted = jaegerToOtlp(document, { fileName: ANSWER });
  const decoded = decodeImportedRequests(converted.requests, "jaeger", exportedAt.getTime());
  const problems = [...converted.problems, ...decoded.problems].map(formatImportProblem);
  // The API answers for the id asked; a span of another trace would be a case from elsewhere.
  const spans = decoded.spans.filter((span) => span.traceId === traceId);
  if (spans.length === 0) {
    if (problems.length === 0) return { ok: false, message: notFoundMessage(traceId, jaegerUrl), warnings: [] };
    return { ok: false, message: `Trace ${traceId} from Jaeger at ${jaegerUrl} could not be read:\n${problems.map((p) => `  ${p}`).join("\n")}`, warnings: [] };
  }
  const warnings = [...problems];
  if (decoded.rejectedSpans > 0) warnings.push(`${decoded.rejectedSpans} ${decoded.rejectedSpans === 1 ? "span was" : "spans were"} left out as OTLP ingestion would leave them out`);
  const calls = spans.map(extractLlmCall).filter((call): call is LlmCall => call !== null);
  try {
    const dataset = buildEvalDataset({ calls, source: { type: "trace", workspace: jaegerUrl, trace_id: traceId }, exportedAt });
    return { ok: true, dataset: { yaml: renderEvalDatasetYaml(dataset), fileName: evalDatasetFileName(traceId), cases: dataset.cases.length }, warnings };
  } catch (error) {
    if (error instanceof NoExportableSpansError) return { ok: false, message: error.message, warnings };
    throw error;
  }
}
