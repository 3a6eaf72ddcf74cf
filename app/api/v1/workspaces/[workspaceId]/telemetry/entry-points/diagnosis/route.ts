// GET /api/v1/workspaces/:workspaceId/telemetry/entry-points/diagnosis?entry_service&entry_operation&from&to&sample_size:
// the diagnosis of every variant of an entry point together
import { entryPointDiagnosisQuerySchema, resolveDiagnosisRange } from "@/lib/api/diagnosis.schemas";
import { diagnosisView } from "@/lib/api/diagnosis-view";
import { NotFoundError } from "@/lib/api/errors";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { diagnoseTraffic, resolveSampleSize } from "@/lib/pipeline/diagnose-traffic";
import { getRuntime } from "@/lib/pipeline/runtime";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const query = entryPointDiagnosisQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const range = resolveDiagnosisRange(query, Date.now());
  const scope = { entryService: query.entry_service, entryOperation: query.entry_operation };
  const store = getRuntime().store;
  const sampleSize = await resolveSampleSize(store, workspaceId, query.sample_size);
  const diagnosis = await diagnoseTraffic(store, workspaceId, scope, { ...range, sampleSize });
  if (!diagnosis) throw new NotFoundError(`No flows of the entry point ${query.entry_service} → ${query.entry_operation} in workspace ${workspaceId}.`);
  return diagnosisView(diagnosis, { entry_service: query.entry_service, entry_operation: query.entry_operation }, range, sampleSize);
});
