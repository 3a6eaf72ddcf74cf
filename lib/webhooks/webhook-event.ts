// The events a webhook can subscribe to, the formats it can receive them in, and the test
// event the settings page sends on demand (never subscribed to, always deliverable).
export const WEBHOOK_EVENTS = ["drift.opened", "run.failed", "llm.threshold_crossed", "coverage.dropped"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const TEST_EVENT = "webhook.test";
export type DeliveredEvent = WebhookEvent | typeof TEST_EVENT;

export const WEBHOOK_FORMATS = ["json", "slack"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEvent, { label: string; description: string }> = {
  "drift.opened": { label: "Drift alert opened", description: "An entry point took a new path, or a usual one went missing." },
  "run.failed": { label: "Test run failed", description: "A test run's trace was validated and failed." },
  "llm.threshold_crossed": { label: "LLM threshold crossed", description: "A model went over an LLM alert threshold (error rate, p95 latency or cost per hour) in the last hour." },
  "coverage.dropped": { label: "Coverage dropped", description: "The share of endpoints covered by passing test runs fell." },
};

/**
 * What an event says, whatever the format: one line for people, the dashboard page that
 * shows it (a path such as `/w/shop/drift/<id>`), and the machine-readable details.
 */
export interface WebhookEventFacts {
  summary: string;
  path: string;
  data: Record<string, unknown>;
}

export function subscribesTo(events: readonly string[], event: DeliveredEvent): boolean {
  return event === TEST_EVENT || events.includes(event);
}
