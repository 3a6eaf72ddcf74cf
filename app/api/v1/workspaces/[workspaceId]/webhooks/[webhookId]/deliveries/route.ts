// GET /api/v1/workspaces/:workspaceId/webhooks/:webhookId/deliveries?limit&offset: the webhook's delivery log, newest first
import { NotFoundError } from "@/lib/api/errors";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { webhookDeliveriesQuerySchema, webhookParamsSchema } from "@/lib/api/webhooks.schemas";
import { searchParamsObject } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listDeliveries } from "@/lib/store/webhook-deliveries";
import { findWebhook } from "@/lib/store/webhook-repository";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request: Request, context: { params: Promise<{ workspaceId: string; webhookId: string }> }) => {
  const { workspaceId, webhookId } = webhookParamsSchema.parse(await context.params);
  const page = webhookDeliveriesQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const store = getRuntime().store;
  if (!(await findWebhook(store, workspaceId, webhookId))) throw new NotFoundError(`No webhook ${webhookId} in workspace ${workspaceId}.`);
  return listDeliveries(store, webhookId, page);
});
