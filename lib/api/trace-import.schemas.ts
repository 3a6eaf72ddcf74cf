// POST /api/v1/workspaces/:ws/telemetry/import: query and response shapes. The body is the
// file's bytes as they are, not JSON to validate here.
import { z } from "zod";
import type { TraceImportResult } from "../pipeline/import-trace-file";
import type { ImportWarning } from "../pipeline/import-warnings";
import type { ImportProblem } from "../trace-formats";

export type { ImportProblem, ImportWarning, TraceImportResult };

export const traceImportQuerySchema = z.object({
  // Named in problem locations; ".jsonl" or ".ndjson" marks a one-line file as OTLP JSON Lines.
  file_name: z.string().trim().min(1).max(255).optional(),
});
