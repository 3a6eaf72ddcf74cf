// GET /api/v1/workspaces/:workspaceId/telemetry/coverage?window_days: which endpoints and flows a passing test run covered within the window
import { coverageQuerySchema } from "@/lib/api/coverage.schemas";
import { coverageView } from "@/lib/api/coverage-view";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { searchParamsObject, workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { readWorkspaceCoverage } from "@/lib/pipeline/workspace-coverage";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const query = coverageQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const { windowDays, coverage } = await readWorkspaceCoverage(getRuntime().store, workspaceId, { windowDays: query.window_days, nowMs: Date.now() });
  return coverageView(coverage, windowDays);
});
