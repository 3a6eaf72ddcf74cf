// Query and body shapes of the LLM API (telemetry/llm/*, traces/:id/eval-export).
import { z } from "zod";

const epochMs = z.coerce.number().int().nonnegative();

export const llmRangeSchema = z.object({
  /** Epoch ms; default: 24 h before `to`. */
  from: epochMs.optional(),
  /** Epoch ms, exclusive; default: now. */
  to: epochMs.optional(),
  model: z.string().min(1).optional(),
  flow_id: z.string().min(1).optional(),
});

export const llmUsageQuerySchema = llmRangeSchema.extend({
  /** Width of a time bucket; default: about 48 buckets over the range, at least a minute. */
  bucket_ms: z.coerce.number().int().min(60_000).max(7 * 86_400_000).optional(),
});

export const llmCallsQuerySchema = llmRangeSchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const evalSelectionSchema = z
  .object({
    model: z.string().min(1).optional(),
    from: z.number().int().nonnegative().optional(),
    to: z.number().int().nonnegative().optional(),
    flow_id: z.string().min(1).optional(),
    /** Collapse prompts that differ only in variables to one case (default true). */
    dedupe: z.boolean().default(true),
    /** At most this many cases; the most frequent prompts first when deduplicated. */
    limit: z.number().int().min(1).max(5_000).default(500),
    name: z.string().min(1).max(200).optional(),
  })
  .strict();

export type EvalSelection = z.infer<typeof evalSelectionSchema>;

export const DAY_MS = 86_400_000;

/** The range a query asks for, filled in: [from, to). */
export function resolveRange(query: { from?: number; to?: number }, nowMs: number): { fromMs: number; toMs: number } {
  const toMs = query.to ?? nowMs;
  return { fromMs: query.from ?? toMs - DAY_MS, toMs };
}
