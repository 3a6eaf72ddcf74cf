// GET /api/v1/workspaces/:workspaceId/telemetry/flows/:flowId/diagnosis?from&to&sample_size: where
// the flow's errors start, what sets failing and slow traces apart, and the call patterns it pays for
import { diagnosisQuerySchema, resolveDiagnosisRange } from "@/lib/api/diagnosis.schemas";
import { diagnosisView } from "@/lib/api/diagnosis-view";
import { NotFoundError } from "@/lib/api/errors";
import { flowParamsSchema } from "@/lib/api/flows.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { diagnoseTraffic, resolveSampleSize } from "@/lib/pipeline/diagnose-traffic";
import { getRuntime } from "@/lib/pipeline/runtime";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request: Request, context: { params: Promise<{ workspaceId: string; flowId: string }> }) => {
  const { workspaceId, flowId } = flowParamsSchema.parse(await context.params);
  const query = diagnosisQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const range = resolveDiagnosisRange(query, Date.now());
  const store = getRuntime().store;
  const sampleSize = await resolveSampleSize(store, workspaceId, query.sample_size);
  const diagnosis = await diagnoseTraffic(store, workspaceId, { flowId }, { ...range, sampleSize });
  if (!diagnosis) throw new NotFoundError(`No flow ${flowId} in workspace ${workspaceId}.`);
  return diagnosisView(diagnosis, { flow_id: flowId }, range, sampleSize);
});
