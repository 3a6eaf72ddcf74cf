// GET /api/v1/workspaces/:ws/telemetry/spans: query and response shapes.
import { z } from "zod";

const hex32 = /^[0-9a-fA-F]{32}$/;

export const spansQuerySchema = z.object({
  trace_id: z
    .string()
    .regex(hex32, "must be 32 hexadecimal characters")
    .transform((v) => v.toLowerCase())
    .optional(),
  service: z.string().min(1).max(256).optional(),
  operation: z.string().min(1).max(1024).optional(),
  status: z.enum(["unset", "ok", "error"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export type SpansQuery = z.infer<typeof spansQuerySchema>;
