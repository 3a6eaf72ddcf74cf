// GET, POST /api/v1/workspaces/:workspaceId/webhooks: list webhooks, and create one (its secret is in this answer only)
import { readJsonBody } from "@/lib/api/read-json-body";
import { jsonResponse, type WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { createWebhookSchema } from "@/lib/api/webhooks.schemas";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { createWebhook, listWebhooks } from "@/lib/store/webhook-repository";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  return { webhooks: await listWebhooks(getRuntime().store, workspaceId) };
});

export const POST = workspaceRoute("write", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const input = createWebhookSchema.parse(await readJsonBody(request));
  return jsonResponse(await createWebhook(getRuntime().store, workspaceId, input), 201);
});
