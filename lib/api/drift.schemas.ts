// GET /api/v1/workspaces/:ws/telemetry/drift (and .../drift/:id, .../drift/learning) and
// POST .../drift/:id/{accept,dismiss}: request and response shapes.
import { z } from "zod";
import type { EntryPointLearningView, DriftLearningView } from "../store/drift-learning-queries";
import type { DriftAlertView, DriftDiffRowView } from "../store/drift-queries";
import { workspaceParamsSchema } from "./workspace.schemas";

export const DRIFT_STATES = ["open", "rare", "accepted", "dismissed"] as const;

export const driftQuerySchema = z.object({
  state: z.enum(DRIFT_STATES).optional(),
  entry_service: z.string().min(1).max(256).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const driftLearningQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const driftParamsSchema = workspaceParamsSchema.extend({
  alertId: z.string().uuid("must be a drift alert id"),
});

/** GET .../drift/:id and the answer of accept and dismiss. */
export type DriftAlert = DriftAlertView;
export type DriftDiffRow = DriftDiffRowView;

/** GET .../drift. */
export interface DriftAlertList {
  alerts: DriftAlert[];
  total: number;
}

/** GET .../drift/learning. */
export type DriftLearning = DriftLearningView;
export type EntryPointLearning = EntryPointLearningView;
