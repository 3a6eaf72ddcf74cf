// GET, POST /api/v1/workspaces/:workspaceId/ingest-keys: list and create ingest keys
import { createIngestKeySchema } from "@/lib/api/ingest-keys.schemas";
import { readJsonBody } from "@/lib/api/read-json-body";
import { jsonResponse, type WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { audit } from "@/lib/pipeline/auth/audit";
import { getRuntime } from "@/lib/pipeline/runtime";
import { createIngestKey, listIngestKeys } from "@/lib/store/workspace-repository";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  return { ingest_keys: await listIngestKeys(getRuntime().store, workspaceId) };
});

export const POST = workspaceRoute("write", async (request: Request, context: WorkspaceRouteContext, access) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const { name } = createIngestKeySchema.parse(await readJsonBody(request));
  const runtime = getRuntime();
  const created = await createIngestKey(runtime.store, workspaceId, name);
  runtime.keyring.invalidate();
  await audit(request, access.principal, "ingest_key.create", { workspaceId, target: created.ingest_key.id, details: { name, prefix: created.ingest_key.prefix } });
  return jsonResponse(created, 201);
});
