// GET .../jaeger/api/operations?service=: the service's operations as {name, spanKind}
import { jaegerError } from "@/lib/api/jaeger-response";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { jaegerOperations } from "@/lib/pipeline/jaeger/jaeger-query";
import { getRuntime } from "@/lib/pipeline/runtime";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request, context: { params: Promise<{ workspaceId: string }> }) => {
  const service = new URL(request.url).searchParams.get("service");
  if (!service) return jaegerError(400, "parameter 'service' is required");
  return jaegerOperations(getRuntime().store, (await context.params).workspaceId, service);
});
