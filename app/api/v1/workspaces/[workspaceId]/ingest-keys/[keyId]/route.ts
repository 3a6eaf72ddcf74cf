// DELETE /api/v1/workspaces/:workspaceId/ingest-keys/:keyId: revoke an ingest key
import { NotFoundError } from "@/lib/api/errors";
import { ingestKeyParamsSchema } from "@/lib/api/ingest-keys.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { audit } from "@/lib/pipeline/auth/audit";
import { getRuntime } from "@/lib/pipeline/runtime";
import { revokeIngestKey } from "@/lib/store/workspace-repository";

export const dynamic = "force-dynamic";

export const DELETE = workspaceRoute("write", async (request: Request, context: { params: Promise<{ workspaceId: string; keyId: string }> }, access) => {
  const { workspaceId, keyId } = ingestKeyParamsSchema.parse(await context.params);
  const runtime = getRuntime();
  if (!(await revokeIngestKey(runtime.store, workspaceId, keyId))) {
    throw new NotFoundError(`No ingest key ${keyId} in workspace ${workspaceId}.`);
  }
  runtime.keyring.invalidate();
  await audit(request, access.principal, "ingest_key.revoke", { workspaceId, target: keyId });
  return new Response(null, { status: 204 });
});
