// DELETE /api/v1/tokens/:tokenId: revoke one of your API tokens (an instance administrator may
// revoke anyone's).
import { ApiError, NotFoundError } from "@/lib/api/errors";
import { instanceRoute } from "@/lib/api/workspace-route";
import { audit } from "@/lib/pipeline/auth/audit";
import { getRuntime } from "@/lib/pipeline/runtime";
import { findApiToken, revokeApiToken } from "@/lib/store/account-repository";

export const dynamic = "force-dynamic";

export const DELETE = instanceRoute(async (request, context: { params: Promise<{ tokenId: string }> }, _visible, principal) => {
  const { tokenId } = await context.params;
  if (principal.kind !== "user" && principal.kind !== "open") throw new ApiError(403, "forbidden", "API tokens are managed by a person signed in to the dashboard, not by another token.");
  const { store } = getRuntime();
  const row = await findApiToken(store, tokenId);
  const mine = row !== null && (principal.kind === "open" || principal.instanceAdmin || row.userId === principal.userId);
  if (!row || !mine) throw new NotFoundError(`No API token ${tokenId}.`);
  await revokeApiToken(store, tokenId, Date.now());
  await audit(request, principal, "token.revoke", { workspaceId: row.workspaceId, target: row.prefix, details: { name: row.name } });
  return new Response(null, { status: 204 });
});
