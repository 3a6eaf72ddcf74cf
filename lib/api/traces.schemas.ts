// GET /api/v1/workspaces/:ws/telemetry/traces and .../traces/:traceId: query and response shapes.
import { z } from "zod";
import type { TraceSummaryView, TraceTreeSpanView, TraceWithTreeView } from "../store/trace-queries";
import type { TraceDiagnosisView } from "./trace-diagnosis-view";

export type { TraceSummaryView };

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

export interface TraceListResponse {
  traces: TraceSummaryView[];
  total: number;
}

/** GET .../traces/:traceId: the trace with its span tree, and its diagnosis read from those spans. */
export type TraceDetail = TraceWithTreeView & TraceDiagnosisView;
export type TraceDetailSpan = TraceTreeSpanView;
