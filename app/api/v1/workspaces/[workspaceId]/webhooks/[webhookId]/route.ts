// DELETE /api/v1/workspaces/:workspaceId/webhooks/:webhookId: delete a webhook and its delivery log
import { NotFoundError } from "@/lib/api/errors";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { webhookParamsSchema } from "@/lib/api/webhooks.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { deleteWebhook } from "@/lib/store/webhook-repository";

export const dynamic = "force-dynamic";

export const DELETE = workspaceRoute("write", async (_request: Request, context: { params: Promise<{ workspaceId: string; webhookId: string }> }) => {
  const { workspaceId, webhookId } = webhookParamsSchema.parse(await context.params);
  if (!(await deleteWebhook(getRuntime().store, workspaceId, webhookId))) throw new NotFoundError(`No webhook ${webhookId} in workspace ${workspaceId}.`);
  return new Response(null, { status: 204 });
});
