// Webhooks of a workspace. The secret is generated here and returned once, by createWebhook.
import { randomBytes, randomUUID } from "node:crypto";
import type { CreateWebhook, CreatedWebhook, WebhookView } from "../webhooks/webhook-resource";
import type { Store } from "./db";
import { ensureWorkspace } from "./workspace-repository";

type WebhookRow = NonNullable<Awaited<ReturnType<Store["prisma"]["webhook"]["findFirst"]>>>;

export function webhookView(row: WebhookRow): WebhookView {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    format: row.format as WebhookView["format"],
    events: row.events as WebhookView["events"],
    created_at: new Date(Number(row.createdAtMs)).toISOString(),
  };
}

export async function createWebhook(store: Store, workspaceId: string, input: CreateWebhook, nowMs = Date.now()): Promise<CreatedWebhook> {
  await ensureWorkspace(store, workspaceId);
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const row = await store.prisma.webhook.create({
    data: { id: randomUUID(), workspaceId, name: input.name, url: input.url, format: input.format, events: input.events, secret, createdAtMs: BigInt(nowMs) },
  });
  return { secret, webhook: webhookView(row) };
}

export async function listWebhooks(store: Store, workspaceId: string): Promise<WebhookView[]> {
  const rows = await store.prisma.webhook.findMany({ where: { workspaceId }, orderBy: [{ createdAtMs: "desc" }, { id: "asc" }] });
  return rows.map(webhookView);
}

/** The webhook with its secret, when it belongs to the workspace. */
export function findWebhook(store: Store, workspaceId: string, webhookId: string): Promise<WebhookRow | null> {
  return store.prisma.webhook.findFirst({ where: { id: webhookId, workspaceId } });
}

/** Every webhook of the workspace, for matching an event against what each subscribed to. */
export async function workspaceWebhooks(store: Store, workspaceId: string): Promise<{ id: string; format: string; events: string[] }[]> {
  const rows = await store.prisma.webhook.findMany({ where: { workspaceId }, select: { id: true, format: true, events: true } });
  return rows.map((r) => ({ id: r.id, format: r.format, events: Array.isArray(r.events) ? (r.events as string[]) : [] }));
}

/** Deletes the webhook and its delivery log; false when it is not the workspace's. */
export async function deleteWebhook(store: Store, workspaceId: string, webhookId: string): Promise<boolean> {
  const deleted = await store.prisma.webhook.deleteMany({ where: { id: webhookId, workspaceId } });
  return deleted.count > 0;
}

/** Workspaces with at least one webhook subscribed to `event`. */
export async function workspacesSubscribedTo(store: Store, event: string): Promise<string[]> {
  const rows = await store.prisma.webhook.findMany({ select: { workspaceId: true, events: true } });
  return [...new Set(rows.filter((r) => Array.isArray(r.events) && (r.events as string[]).includes(event)).map((r) => r.workspaceId))];
}
