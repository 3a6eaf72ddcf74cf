// GET /api/v1/workspaces/:workspaceId/telemetry/traces?trace_id&service&status&limit&offset: recent traces, newest first
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { searchParamsObject, workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { tracesQuerySchema } from "@/lib/api/traces.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listRecentTraces } from "@/lib/store/trace-queries";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const query = tracesQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  return listRecentTraces(getRuntime().store, workspaceId, {
    traceId: query.trace_id,
    service: query.service,
    errorsOnly: query.status === "error",
    limit: query.limit,
    offset: query.offset,
  });
});
