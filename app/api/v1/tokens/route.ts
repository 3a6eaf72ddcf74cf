// GET, POST /api/v1/tokens: the signed-in user's API tokens. A new token is shown once, in
// this response; Flowprint keeps only its hash.
import { createTokenSchema } from "@/lib/api/accounts.schemas";
import { ApiError } from "@/lib/api/errors";
import { readJsonBody } from "@/lib/api/read-json-body";
import { jsonResponse } from "@/lib/api/route-handler";
import { instanceRoute } from "@/lib/api/workspace-route";
import { decideWorkspaceAccess, type Principal } from "@/lib/auth/policy";
import { tokenView } from "@/lib/pipeline/auth/account-views";
import { audit } from "@/lib/pipeline/auth/audit";
import { issueApiToken } from "@/lib/pipeline/auth/issue-api-token";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listApiTokens } from "@/lib/store/account-repository";

export const dynamic = "force-dynamic";

function signedInUser(principal: Principal) {
  if (principal.kind !== "user") throw new ApiError(403, "forbidden", "API tokens are managed by a person signed in to the dashboard, not by another token.");
  return principal;
}

export const GET = instanceRoute(async (_request, _context, _visible, principal) => {
  const user = signedInUser(principal);
  return { tokens: (await listApiTokens(getRuntime().store, { userId: user.userId })).map(tokenView) };
});

export const POST = instanceRoute(async (request, _context, _visible, principal) => {
  const user = signedInUser(principal);
  const input = createTokenSchema.parse(await readJsonBody(request));
  if (input.workspace_id !== null) {
    const decision = decideWorkspaceAccess(user, input.workspace_id, "read");
    if (!decision.allow) throw new ApiError(decision.status, "not_found", decision.message);
  }
  const { token, row } = await issueApiToken(getRuntime().store, { name: input.name, scope: input.scope, userId: user.userId, workspaceId: input.workspace_id, createdBy: user.userId, expiresInDays: input.expires_in_days }, Date.now());
  await audit(request, principal, "token.create", { workspaceId: input.workspace_id, target: row.prefix, details: { name: input.name, scope: input.scope, expires_at: tokenView(row).expires_at } });
  return jsonResponse({ token, api_token: tokenView(row) }, 201);
});
