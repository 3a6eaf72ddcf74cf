// GET, POST /api/v1/workspaces/:workspaceId/ingest-keys: list and create ingest keys
import { createIngestKeySchema } from "@/lib/api/ingest-keys.schemas";
import { readJsonBody } from "@/lib/api/read-json-body";
import { handleJson, jsonResponse, type WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { createIngestKey, listIngestKeys } from "@/lib/store/workspace-repository";

export const dynamic = "force-dynamic";

export const GET = handleJson(async (_request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  return { ingest_keys: await listIngestKeys(getRuntime().store, workspaceId) };
});

export const POST = handleJson(async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const { name } = createIngestKeySchema.parse(await readJsonBody(request));
  const runtime = getRuntime();
  const created = await createIngestKey(runtime.store, workspaceId, name);
  runtime.keyring.invalidate();
  return jsonResponse(created, 201);
});
