// POST /api/v1/workspaces/:workspaceId/telemetry/import: import one Jaeger, Zipkin or OTLP JSON trace file (?file_name=)
import { traceImportQuerySchema } from "@/lib/api/trace-import.schemas";
import { traceImportResponse } from "@/lib/api/trace-import-response";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { searchParamsObject, workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { audit } from "@/lib/pipeline/auth/audit";
import { receiveTraceImport } from "@/lib/pipeline/receive-trace-import";

export const dynamic = "force-dynamic";

export const POST = workspaceRoute("write", async (request: Request, context: WorkspaceRouteContext, access) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const { file_name } = traceImportQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const answer = await receiveTraceImport(request, workspaceId, file_name);
  if (answer.ok && answer.result.spans > 0) {
    const { format, traces, spans } = answer.result;
    await audit(request, access.principal, "telemetry.import", { workspaceId, target: file_name ?? null, details: { format, traces, spans } });
  }
  return traceImportResponse(answer);
});
