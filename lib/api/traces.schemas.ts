// GET /api/v1/workspaces/:ws/telemetry/traces: query shape.
import { z } from "zod";

export const tracesQuerySchema = z.object({
  trace_id: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/, "must be 32 hexadecimal characters")
    .transform((v) => v.toLowerCase())
    .optional(),
  // Traces whose root span's service is this one (the service the request entered by).
  service: z.string().trim().min(1).max(256).optional(),
  status: z.enum(["error"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
