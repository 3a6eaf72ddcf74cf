// GET /api/v1/workspaces/:ws/telemetry/flows: query shape.
import { z } from "zod";
import { workspaceParamsSchema } from "./workspace.schemas";

export const flowsQuerySchema = z.object({
  sort: z
    .enum(["risk_score", "occurrence_count", "error_rate", "last_seen_at", "name", "entry", "avg_duration_ms", "p95_duration_ms", "drifted"])
    .default("risk_score"),
  // Without it, names and entry points read A to Z and every number reads largest first.
  order: z.enum(["asc", "desc"]).optional(),
  drifted: z.enum(["true", "false"]).optional(),
  service: z.string().min(1).max(256).optional(),
  q: z.string().min(1).max(256).optional(),
  // A path node, `type:identifier` (e.g. `database:orders`): the flows through it.
  node: z.string().regex(/^(service|api_endpoint|database|topic):.+$/, "must be type:identifier, type one of service, api_endpoint, database, topic").max(600).optional(),
  // A service: the flows through any node of it (its endpoints, its database calls, the service).
  through_service: z.string().min(1).max(256).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const flowParamsSchema = workspaceParamsSchema.extend({
  flowId: z.string().uuid("must be a flow id"),
});

export const traceParamsSchema = workspaceParamsSchema.extend({
  traceId: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/, "must be 32 hexadecimal characters")
    .transform((v) => v.toLowerCase()),
});
