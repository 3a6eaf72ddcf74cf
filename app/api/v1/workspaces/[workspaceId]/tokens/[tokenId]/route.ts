// DELETE /api/v1/workspaces/:workspaceId/tokens/:tokenId: revoke one of the workspace's own
// API tokens (admins).
import { NotFoundError } from "@/lib/api/errors";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { audit } from "@/lib/pipeline/auth/audit";
import { getRuntime } from "@/lib/pipeline/runtime";
import { findApiToken, revokeApiToken } from "@/lib/store/account-repository";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workspaceId: string; tokenId: string }> };

export const DELETE = workspaceRoute("admin", async (request: Request, context: Context, access) => {
  const params = await context.params;
  const { workspaceId } = workspaceParamsSchema.parse(params);
  const { store } = getRuntime();
  const row = await findApiToken(store, params.tokenId);
  if (!row || row.workspaceId !== workspaceId || row.userId !== null) throw new NotFoundError(`No token ${params.tokenId} of workspace ${workspaceId}.`);
  await revokeApiToken(store, row.id, Date.now());
  await audit(request, access.principal, "token.revoke", { workspaceId, target: row.prefix, details: { name: row.name, owner: "workspace" } });
  return new Response(null, { status: 204 });
});
