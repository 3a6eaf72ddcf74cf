// GET, POST /api/v1/workspaces/:workspaceId/members: who has which role here; an admin adds
// an existing user by email.
import { addMemberSchema } from "@/lib/api/accounts.schemas";
import { NotFoundError } from "@/lib/api/errors";
import { readJsonBody } from "@/lib/api/read-json-body";
import { jsonResponse, type WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { memberView } from "@/lib/pipeline/auth/account-views";
import { audit } from "@/lib/pipeline/auth/audit";
import { getRuntime } from "@/lib/pipeline/runtime";
import { findUserByEmail, listMembers, putMember } from "@/lib/store/account-repository";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  return { members: (await listMembers(getRuntime().store, workspaceId)).map(memberView) };
});

export const POST = workspaceRoute("admin", async (request: Request, context: WorkspaceRouteContext, access) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const { email, role } = addMemberSchema.parse(await readJsonBody(request));
  const { store } = getRuntime();
  const user = await findUserByEmail(store, email);
  if (!user) throw new NotFoundError(`No user with the email ${email}: an instance administrator adds people under Users first.`);
  await putMember(store, workspaceId, user.id, role, Date.now());
  await audit(request, access.principal, "member.add", { workspaceId, target: user.email, details: { role } });
  const member = (await listMembers(store, workspaceId)).find((m) => m.userId === user.id)!;
  return jsonResponse(memberView(member), 201);
});
