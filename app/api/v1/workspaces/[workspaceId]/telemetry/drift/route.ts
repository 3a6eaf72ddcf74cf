// GET /api/v1/workspaces/:workspaceId/telemetry/drift: drift alerts, open ones first
import { driftQuerySchema } from "@/lib/api/drift.schemas";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { searchParamsObject, workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listDriftAlerts } from "@/lib/store/drift-queries";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const query = driftQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  return listDriftAlerts(getRuntime().store, workspaceId, { state: query.state, entryService: query.entry_service, limit: query.limit, offset: query.offset });
});
