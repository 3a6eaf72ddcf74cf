// DELETE /api/v1/workspaces/:workspaceId/ingest-keys/:keyId: revoke an ingest key
import { NotFoundError } from "@/lib/api/errors";
import { ingestKeyParamsSchema } from "@/lib/api/ingest-keys.schemas";
import { handleJson } from "@/lib/api/route-handler";
import { getRuntime } from "@/lib/pipeline/runtime";
import { revokeIngestKey } from "@/lib/store/workspace-repository";

export const dynamic = "force-dynamic";

export const DELETE = handleJson(async (_request: Request, context: { params: Promise<{ workspaceId: string; keyId: string }> }) => {
  const { workspaceId, keyId } = ingestKeyParamsSchema.parse(await context.params);
  const runtime = getRuntime();
  if (!(await revokeIngestKey(runtime.store, workspaceId, keyId))) {
    throw new NotFoundError(`No ingest key ${keyId} in workspace ${workspaceId}.`);
  }
  runtime.keyring.invalidate();
  return new Response(null, { status: 204 });
});
