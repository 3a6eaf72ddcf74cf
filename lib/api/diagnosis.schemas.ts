// GET telemetry/flows/:id/diagnosis and telemetry/entry-points/diagnosis: query shapes.
import { z } from "zod";
import type { Diagnosis } from "../diagnosis/diagnose-traces";
import type { SnakeCased } from "./snake-case-keys";

/** Epoch milliseconds or an ISO 8601 date-time. */
const instant = z.union([
  z.string().regex(/^\d+$/).transform(Number),
  z.iso.datetime({ offset: true }).transform((text) => Date.parse(text)),
], { message: "must be epoch milliseconds or an ISO 8601 date-time" });

export const DIAGNOSIS_DEFAULT_RANGE_MS = 7 * 86_400_000;

export const diagnosisQuerySchema = z
  .object({
    /** Default: 7 days before `to`. */
    from: instant.optional(),
    /** Exclusive; default: now. */
    to: instant.optional(),
    /** At most this many traces per side (failing and passing, slow and the rest); default: the workspace's diagnosis_sample_size. */
    sample_size: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(10).max(1000).optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, { message: "must be before to", path: ["from"] });

export const entryPointDiagnosisQuerySchema = z
  .object({
    entry_service: z.string({ message: "must be the entry point's service" }).min(1, "must not be empty").max(256),
    entry_operation: z.string({ message: "must be the entry point's operation" }).min(1, "must not be empty").max(1024),
  })
  .and(diagnosisQuerySchema);

export type DiagnosisScopeView = { flow_id: string } | { entry_service: string; entry_operation: string };

export function resolveDiagnosisRange(query: { from?: number; to?: number }, nowMs: number): { fromMs: number; toMs: number } {
  const toMs = query.to ?? nowMs;
  return { fromMs: query.from ?? toMs - DIAGNOSIS_DEFAULT_RANGE_MS, toMs };
}

/** The body of both diagnosis routes. */
export type DiagnosisResponse = SnakeCased<Diagnosis> & {
  scope: DiagnosisScopeView & { from: string; to: string; sample_size: number };
};
