// The bodies a webhook receives: Flowprint's JSON envelope, or a Slack incoming-webhook message
// carrying the same facts and link.
import type { DeliveredEvent, WebhookEventFacts, WebhookFormat } from "./webhook-event";

export interface WebhookEnvelope {
  /** The event's id: the same for every webhook it goes to, so receivers can deduplicate. */
  id: string;
  event: DeliveredEvent;
  /** ISO 8601. */
  occurred_at: string;
  workspace_id: string;
  summary: string;
  /** The dashboard page that shows the event. */
  url: string;
  data: Record<string, unknown>;
}

export interface SlackMessage {
  /** Shown in notifications and by clients that do not render blocks. */
  text: string;
  blocks: Record<string, unknown>[];
}

export function buildWebhookEnvelope(input: { id: string; event: DeliveredEvent; occurredAtMs: number; workspaceId: string; publicUrl: string; facts: WebhookEventFacts }): WebhookEnvelope {
  return {
    id: input.id,
    event: input.event,
    occurred_at: new Date(input.occurredAtMs).toISOString(),
    workspace_id: input.workspaceId,
    summary: input.facts.summary,
    url: dashboardUrl(input.publicUrl, input.facts.path),
    data: input.facts.data,
  };
}

/** `path` under the dashboard's public address, which may itself sit under a path prefix. */
export function dashboardUrl(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

export function buildWebhookBody(envelope: WebhookEnvelope, format: WebhookFormat): WebhookEnvelope | SlackMessage {
  return format === "slack" ? buildSlackMessage(envelope) : envelope;
}

// Slack limits a section's fields to 10 and each field's text to 2,000 characters.
const MAX_FIELDS = 10;
const MAX_FIELD_CHARS = 300;

function buildSlackMessage(envelope: WebhookEnvelope): SlackMessage {
  const link = `<${escapeSlack(envelope.url)}|Open in Flowprint>`;
  const fields = Object.entries(envelope.data)
    .filter(([, value]) => value !== null && value !== undefined && (typeof value !== "object" || Array.isArray(value)))
    .slice(0, MAX_FIELDS)
    .map(([key, value]) => ({ type: "mrkdwn", text: `*${escapeSlack(key)}*\n${escapeSlack(clip(fieldText(value)))}` }));
  return {
    text: `${escapeSlack(envelope.summary)} ${link}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${escapeSlack(envelope.summary)}*` } },
      ...(fields.length > 0 ? [{ type: "section", fields }] : []),
      { type: "section", text: { type: "mrkdwn", text: link } },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `\`${envelope.event}\` · workspace ${escapeSlack(envelope.workspace_id)} · ${envelope.occurred_at}` }],
      },
    ],
  };
}

function fieldText(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ") || "none";
  return String(value);
}

function clip(text: string): string {
  return text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS - 1)}…` : text;
}

/** Slack's mrkdwn reads &, < and > as markup: https://api.slack.com/reference/surfaces/formatting#escaping */
function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
