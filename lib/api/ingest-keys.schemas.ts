// /api/v1/workspaces/:ws/ingest-keys: request shapes.
import { z } from "zod";

export const createIngestKeySchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
});

export const ingestKeyParamsSchema = z.object({
  workspaceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be letters, digits, '-' or '_', at most 64 characters"),
  keyId: z.string().uuid("must be an ingest key id"),
});
