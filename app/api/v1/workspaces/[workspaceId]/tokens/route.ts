// GET, POST /api/v1/workspaces/:workspaceId/tokens: the workspace's own API tokens (admins). A
// workspace token belongs to no person, so it keeps working when its creator leaves: a viewer
// (read) or an editor (write) of this workspace only. Shown once, stored hashed.
import { createTokenSchema } from "@/lib/api/accounts.schemas";
import { readJsonBody } from "@/lib/api/read-json-body";
import { jsonResponse, type WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { actorOf } from "@/lib/auth/policy";
import { tokenView } from "@/lib/pipeline/auth/account-views";
import { audit } from "@/lib/pipeline/auth/audit";
import { issueApiToken } from "@/lib/pipeline/auth/issue-api-token";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listApiTokens } from "@/lib/store/account-repository";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("admin", async (_request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  return { tokens: (await listApiTokens(getRuntime().store, { workspaceId, userId: null })).map(tokenView) };
});

export const POST = workspaceRoute("admin", async (request: Request, context: WorkspaceRouteContext, access) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const input = createTokenSchema.omit({ workspace_id: true }).parse(await readJsonBody(request));
  const { token, row } = await issueApiToken(
    getRuntime().store,
    { name: input.name, scope: input.scope, userId: null, workspaceId, createdBy: actorOf(access.principal).actorUserId, expiresInDays: input.expires_in_days },
    Date.now(),
  );
  await audit(request, access.principal, "token.create", { workspaceId, target: row.prefix, details: { name: input.name, scope: input.scope, owner: "workspace", expires_at: tokenView(row).expires_at } });
  return jsonResponse({ token, api_token: tokenView(row) }, 201);
});
