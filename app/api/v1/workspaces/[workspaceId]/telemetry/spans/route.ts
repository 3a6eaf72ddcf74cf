// GET /api/v1/workspaces/:workspaceId/telemetry/spans: stored spans, newest first
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { spansQuerySchema } from "@/lib/api/spans.schemas";
import { searchParamsObject, workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listSpans } from "@/lib/store/span-queries";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const query = spansQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  return listSpans(getRuntime().store, workspaceId, {
    traceId: query.trace_id,
    service: query.service,
    operation: query.operation,
    status: query.status,
    limit: query.limit,
    offset: query.offset,
  });
});
