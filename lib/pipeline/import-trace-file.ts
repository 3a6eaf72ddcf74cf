// A trace file's bytes into a workspace: converted by lib/trace-formats, decoded by the decoder
// live OTLP ingestion uses and stored through storeDecoded, so flows, drift, the service graph
// and the LLM index see imported traces exactly as live traffic. Storing is idempotent on
// (trace, span) ids: a file refused half-way (overload) can be sent again whole.
import { decodeImportedRequests, dropRepeatedSpans, importTraceFile, MAX_LISTED_PROBLEMS, type ImportProblem, type TraceFileFormat } from "../trace-formats";
import { getTelemetrySettings } from "../store/settings-repository";
import { chunkSpansByTrace } from "./chunk-spans-by-trace";
import { importWarnings, type ImportWarning } from "./import-warnings";
import { storeDecoded, type IngestRefusal } from "./ingest-trace-export";
import { getRuntime } from "./runtime";

export interface TraceImportResult {
  /** null when the file is none of the formats Flowprint reads; `problems` then says why. */
  format: TraceFileFormat | null;
  /** Traces with at least one span stored. */
  traces: number;
  /** Spans stored (a span already stored by an earlier import of the same file is kept once). */
  spans: number;
  /** Spans left out, each kind with a problem: a bad field costs its whole trace; of a span id repeated in its trace the first is kept. */
  skipped_spans: number;
  /** Spans live ingestion would refuse too (all-zero ids, ...). */
  rejected_spans: number;
  problems: ImportProblem[];
  warnings: ImportWarning[];
}

export async function importTraceFileInto(
  workspaceId: string,
  bytes: Uint8Array,
  options: { fileName?: string; nowMs?: number } = {},
): Promise<{ ok: true; result: TraceImportResult } | IngestRefusal> {
  const { fileName, nowMs = Date.now() } = options;
  const text = utf8Text(bytes);
  if (text === null) return { ok: true, result: notTraces(fileName) };
  const imported = importTraceFile(text, { fileName });
  const decoded = decodeImportedRequests(imported.requests, workspaceId, nowMs);
  const unique = dropRepeatedSpans(decoded.spans, fileName);
  const runtime = getRuntime();
  for (const spans of chunkSpansByTrace(unique.spans, runtime.config.batchSpans)) {
    const stored = await storeDecoded("import", { spans, rejectedSpans: 0, errorMessage: "" }, workspaceId);
    if (!stored.ok) return stored;
  }
  let warnings: ImportWarning[] = [];
  if (unique.spans.length > 0) {
    const settings = await getTelemetrySettings(runtime.store, workspaceId);
    warnings = importWarnings(unique.spans, { retentionDays: settings.retention_days, autoDiscovery: settings.auto_discovery }, nowMs);
  }
  return {
    ok: true,
    result: {
      format: imported.format,
      traces: new Set(unique.spans.map((s) => s.traceId)).size,
      spans: unique.spans.length,
      skipped_spans: imported.skippedSpanCount + unique.repeated,
      rejected_spans: decoded.rejectedSpans,
      problems: [...imported.problems, ...capped(decoded.problems, fileName), ...(unique.problem ? [unique.problem] : [])],
      warnings,
    },
  };
}

/** Nothing imported and something wrong: the file is refused (422) rather than accepted empty. */
export function importedNothing(result: TraceImportResult): boolean {
  return result.spans === 0 && result.problems.length > 0;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function utf8Text(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

function notTraces(fileName: string | undefined): TraceImportResult {
  const problem = {
    where: fileName ?? "the file",
    message: "is not UTF-8 text, so not a trace file Flowprint imports (Jaeger, Zipkin v2 or OTLP JSON, plain or gzip). Binary OTLP (protobuf) is sent to /v1/traces instead.",
  };
  return { format: null, traces: 0, spans: 0, skipped_spans: 0, rejected_spans: 0, problems: [problem], warnings: [] };
}

/** The decoder's problems, one per request: a file of many bad traces lists the first few. */
function capped(problems: ImportProblem[], fileName: string | undefined): ImportProblem[] {
  if (problems.length <= MAX_LISTED_PROBLEMS) return problems;
  const more = problems.length - MAX_LISTED_PROBLEMS;
  return [...problems.slice(0, MAX_LISTED_PROBLEMS), { where: fileName ?? "the file", message: `${more} more ${more === 1 ? "problem" : "problems"} not listed; fix the ones above and import again to see them.` }];
}
