// The webhooks resource (/api/v1/workspaces/:ws/webhooks): what a webhook is created from and
// how webhooks and their deliveries are shown. Declared here, below lib/store (which builds
// them) and lib/api (which checks its request schema against them and names them as responses).
import type { DeliveredEvent, WebhookEvent, WebhookFormat } from "./webhook-event";

export interface CreateWebhook {
  name: string;
  url: string;
  format: WebhookFormat;
  events: WebhookEvent[];
}

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
