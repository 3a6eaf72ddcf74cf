// GET /api/v1/audit?action&actor&limit&offset: the whole instance's audit log, newest first
// (instance administrators): sign-ins, users, and every workspace's events.
import { auditQuerySchema } from "@/lib/api/accounts.schemas";
import { ApiError } from "@/lib/api/errors";
import { instanceRoute } from "@/lib/api/workspace-route";
import { searchParamsObject } from "@/lib/api/workspace.schemas";
import { decideInstanceAdmin } from "@/lib/auth/policy";
import { auditView } from "@/lib/pipeline/auth/account-views";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listAuditEvents } from "@/lib/store/account-repository";

export const dynamic = "force-dynamic";

export const GET = instanceRoute(async (request, _context, _visible, principal) => {
  const decision = decideInstanceAdmin(principal);
  if (!decision.allow) throw new ApiError(decision.status, "forbidden", decision.message);
  const query = auditQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const { events, total } = await listAuditEvents(getRuntime().store, { workspaceId: null, ...query });
  return { events: events.map(auditView), total };
});
