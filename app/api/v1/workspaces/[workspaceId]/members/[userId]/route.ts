// PATCH, DELETE /api/v1/workspaces/:workspaceId/members/:userId: change a member's role or
// remove them; a workspace keeps at least one admin.
import { changeMemberSchema, memberParamsSchema } from "@/lib/api/accounts.schemas";
import { ConflictError, NotFoundError } from "@/lib/api/errors";
import { readJsonBody } from "@/lib/api/read-json-body";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { leavesNoAdmin } from "@/lib/auth/policy";
import { memberView } from "@/lib/pipeline/auth/account-views";
import { audit } from "@/lib/pipeline/auth/audit";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listMembers, putMember, removeMember } from "@/lib/store/account-repository";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workspaceId: string; userId: string }> };

async function currentMember(workspaceId: string, userId: string) {
  const members = await listMembers(getRuntime().store, workspaceId);
  const member = members.find((m) => m.userId === userId);
  if (!member) throw new NotFoundError(`No member ${userId} in workspace ${workspaceId}.`);
  return { members, member };
}

export const PATCH = workspaceRoute("admin", async (request: Request, context: Context, access) => {
  const { workspaceId, userId } = memberParamsSchema.parse(await context.params);
  const { role } = changeMemberSchema.parse(await readJsonBody(request));
  const { members, member } = await currentMember(workspaceId, userId);
  if (leavesNoAdmin(members, { userId, role })) throw new ConflictError("This is the workspace's last admin: make someone else admin first.");
  await putMember(getRuntime().store, workspaceId, userId, role, Date.now());
  await audit(request, access.principal, "member.role", { workspaceId, target: member.email, details: { from: member.role, to: role } });
  return memberView({ ...member, role });
});

export const DELETE = workspaceRoute("admin", async (request: Request, context: Context, access) => {
  const { workspaceId, userId } = memberParamsSchema.parse(await context.params);
  const { members, member } = await currentMember(workspaceId, userId);
  if (leavesNoAdmin(members, { userId, role: null })) throw new ConflictError("This is the workspace's last admin: make someone else admin first.");
  await removeMember(getRuntime().store, workspaceId, userId);
  await audit(request, access.principal, "member.remove", { workspaceId, target: member.email, details: { role: member.role } });
  return new Response(null, { status: 204 });
});
