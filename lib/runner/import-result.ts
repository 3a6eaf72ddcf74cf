// What importing one file came to: the server's answer to POST .../telemetry/import read against
// its contract, or why there is none. Pure.
import { z } from "zod";
import type { ImportProblem } from "../trace-formats";

/**
 * 200, or 422 when nothing in the file could be imported. `format` is a string rather than the
 * four known names, so a format a newer server learns still reads.
 */
const importAnswerSchema = z.object({
  format: z.string().nullable().optional(),
  traces: z.number().int().nonnegative(),
  spans: z.number().int().nonnegative(),
  skipped_spans: z.number().int().nonnegative(),
  rejected_spans: z.number().int().nonnegative(),
  problems: z.array(z.object({ where: z.string(), message: z.string() })),
});

export interface ImportAnswer {
  format: string | null;
  traces: number;
  spans: number;
  skipped_spans: number;
  rejected_spans: number;
  problems: ImportProblem[];
}

/**
 * - imported: every span in, nothing to say;
 * - imported_with_problems: something in, with problems listed or spans skipped or rejected;
 * - rejected: the server read the file and could import nothing of it (422);
 * - failed: no answer about the file (too large, unreadable, refused, unreachable).
 */
export type FileImportStatus = "imported" | "imported_with_problems" | "rejected" | "failed";

export interface FileImportResult {
  path: string;
  fileName: string;
  bytes: number;
  /** Whether the body was sent gzip-compressed. */
  gzip: boolean;
  status: FileImportStatus;
  /** null when no answer came. */
  httpStatus: number | null;
  answer: ImportAnswer | null;
  /** Why it failed; null unless status is failed. */
  error: string | null;
}

export function readImportAnswer(body: unknown): ImportAnswer | null {
  const parsed = importAnswerSchema.safeParse(body);
  return parsed.success ? { ...parsed.data, format: parsed.data.format ?? null } : null;
}

export function importStatusOf(httpStatus: number, answer: ImportAnswer): FileImportStatus {
  if (httpStatus === 422) return "rejected";
  const clean = answer.problems.length === 0 && answer.skipped_spans === 0 && answer.rejected_spans === 0;
  return clean ? "imported" : "imported_with_problems";
}
