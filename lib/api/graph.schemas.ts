// GET /api/v1/workspaces/:ws/telemetry/graph: query shape.
import { z } from "zod";

export const graphQuerySchema = z.object({
  // service: services calling services, their endpoints inside (the default); endpoint: the
  // stored graph, every endpoint its own node.
  view: z.enum(["service", "endpoint"], { message: "must be service or endpoint" }).default("service"),
});

export type GraphView = z.infer<typeof graphQuerySchema>["view"];
