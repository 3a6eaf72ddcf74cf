// /api/v1/workspaces/:ws/webhooks: request and response shapes.
import { z } from "zod";
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS } from "../webhooks/webhook-event";
import { webhookUrlProblem } from "../webhooks/validate-webhook-url";
import type { CreateWebhook } from "../webhooks/webhook-resource";
import { workspaceParamsSchema } from "./workspace.schemas";

export type {
  CreateWebhook,
  CreatedWebhook,
  WebhookAttemptView,
  WebhookDeliveryState,
  WebhookDeliveryView,
  WebhookTestResult,
  WebhookView,
} from "../webhooks/webhook-resource";

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
  .strict() satisfies z.ZodType<CreateWebhook>;

export const webhookParamsSchema = workspaceParamsSchema.extend({
  webhookId: z.string().uuid("must be a webhook id"),
});

export const webhookDeliveriesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
