// GET .../jaeger/api/services/:service/operations: the service's span names, as Jaeger lists them
import { workspaceRoute } from "@/lib/api/workspace-route";
import { jaegerOperationNames } from "@/lib/pipeline/jaeger/jaeger-query";
import { getRuntime } from "@/lib/pipeline/runtime";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request, context: { params: Promise<{ workspaceId: string; service: string }> }) => {
  const { workspaceId, service } = await context.params;
  return jaegerOperationNames(getRuntime().store, workspaceId, decodeURIComponent(service));
});
