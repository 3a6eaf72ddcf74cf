// POST /api/v1/workspaces/:workspaceId/webhooks/:webhookId/test: send a test event now and answer with its attempt
import { NotFoundError } from "@/lib/api/errors";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { webhookParamsSchema } from "@/lib/api/webhooks.schemas";
import { sendTestWebhook } from "@/lib/pipeline/deliver-webhooks";
import { getRuntime, webhookDeliveryOptions } from "@/lib/pipeline/runtime";

export const dynamic = "force-dynamic";

export const POST = workspaceRoute("write", async (_request: Request, context: { params: Promise<{ workspaceId: string; webhookId: string }> }) => {
  const { workspaceId, webhookId } = webhookParamsSchema.parse(await context.params);
  const runtime = getRuntime();
  const result = await sendTestWebhook(runtime.store, workspaceId, webhookId, webhookDeliveryOptions(runtime.config));
  if (!result) throw new NotFoundError(`No webhook ${webhookId} in workspace ${workspaceId}.`);
  return result;
});
