// /api/v1/workspaces/:ws/webhooks: request and response shapes.
import { z } from "zod";
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS, type DeliveredEvent, type WebhookEvent, type WebhookFormat } from "../webhooks/webhook-event";
import { webhookUrlProblem } from "../webhooks/validate-webhook-url";
import { workspaceParamsSchema } from "./workspace.schemas";

export const createWebhookSchema = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
    url: z
      .string()
      .trim()
      .superRefine((url, ctx) => {
        const problem = webhookUrlProblem(url);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    format: z.enum(WEBHOOK_FORMATS).default("json"),
    events: z
      .array(z.enum(WEBHOOK_EVENTS))
      .min(1, "must name at least one event")
      .refine((events) => new Set(events).size === events.length, "must not name an event twice"),
  })
  .strict();

export type CreateWebhook = z.infer<typeof createWebhookSchema>;

export const webhookParamsSchema = workspaceParamsSchema.extend({
  webhookId: z.string().uuid("must be a webhook id"),
});

export const webhookDeliveriesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export interface WebhookView {
  id: string;
  name: string;
  url: string;
  format: WebhookFormat;
  events: WebhookEvent[];
  created_at: string;
}

/** POST .../webhooks: the secret is in this answer only. */
export interface CreatedWebhook {
  secret: string;
  webhook: WebhookView;
}

export interface WebhookAttemptView {
  attempt: number;
  started_at: string;
  /** null when no response came (refused connection, timeout, DNS). */
  status_code: number | null;
  latency_ms: number;
  error: string | null;
}

export type WebhookDeliveryState = "pending" | "delivered" | "failed";

export interface WebhookDeliveryView {
  id: string;
  webhook_id: string;
  event: DeliveredEvent;
  state: WebhookDeliveryState;
  attempts: number;
  max_attempts: number;
  /** When a pending delivery is tried next. */
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_latency_ms: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
  /** Oldest first. */
  attempt_log: WebhookAttemptView[];
}

/** POST .../webhooks/:id/test: the test event's delivery after its one attempt. */
export interface WebhookTestResult {
  ok: boolean;
  delivery: WebhookDeliveryView;
}
