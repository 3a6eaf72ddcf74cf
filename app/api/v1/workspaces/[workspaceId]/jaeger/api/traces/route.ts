// GET .../jaeger/api/traces?service&operation&tags&minDuration&maxDuration&start&end&limit: Jaeger's trace search
import { jaegerAnswer } from "@/lib/api/jaeger-response";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { jaegerSearch } from "@/lib/pipeline/jaeger/jaeger-query";
import { getRuntime } from "@/lib/pipeline/runtime";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request, context: { params: Promise<{ workspaceId: string }> }) => {
  const { workspaceId } = await context.params;
  return jaegerAnswer(() => jaegerSearch(getRuntime().store, workspaceId, new URL(request.url).searchParams, Date.now()));
});
