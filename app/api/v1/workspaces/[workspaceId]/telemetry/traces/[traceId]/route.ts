// GET /api/v1/workspaces/:workspaceId/telemetry/traces/:traceId: one trace with its span tree, critical path and error origins
import { NotFoundError } from "@/lib/api/errors";
import { traceParamsSchema } from "@/lib/api/flows.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { traceDiagnosisView } from "@/lib/api/trace-diagnosis-view";
import type { TraceDetail } from "@/lib/api/traces.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getTraceWithTree } from "@/lib/store/trace-queries";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request: Request, context: { params: Promise<{ workspaceId: string; traceId: string }> }) => {
  const { workspaceId, traceId } = traceParamsSchema.parse(await context.params);
  const trace = await getTraceWithTree(getRuntime().store, workspaceId, traceId);
  if (!trace) throw new NotFoundError(`No trace ${traceId} in workspace ${workspaceId}.`);
  return { ...trace, ...traceDiagnosisView(trace.spans) } satisfies TraceDetail;
});
