// GET /api/v1/workspaces/:workspaceId/audit?action&actor&limit&offset: the workspace's audit
// log, newest first (admins).
import { auditQuerySchema } from "@/lib/api/accounts.schemas";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { searchParamsObject, workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { auditView } from "@/lib/pipeline/auth/account-views";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listAuditEvents } from "@/lib/store/account-repository";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("admin", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const query = auditQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const { events, total } = await listAuditEvents(getRuntime().store, { workspaceId, ...query });
  return { events: events.map(auditView), total };
});
