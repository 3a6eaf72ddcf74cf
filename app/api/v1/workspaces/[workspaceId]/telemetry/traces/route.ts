// GET /api/v1/workspaces/:workspaceId/telemetry/traces?trace_id&service&operation&attr&status&min_duration_ms&max_duration_ms&from&to&limit&offset: trace search, newest first
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { traceSearchQueryOf } from "@/lib/api/traces.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { searchTraces } from "@/lib/store/trace-search";

export const dynamic = "force-dynamic";

// The raw parameters, not searchParamsObject: `attr` repeats.
export const GET = workspaceRoute("read", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  return searchTraces(getRuntime().store, workspaceId, traceSearchQueryOf(new URL(request.url).searchParams));
});
