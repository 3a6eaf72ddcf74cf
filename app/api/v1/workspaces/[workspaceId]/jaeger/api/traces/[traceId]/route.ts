// GET .../jaeger/api/traces/:id: one trace in Jaeger's JSON (what toad-eye's export-trace fetches)
import { jaegerError } from "@/lib/api/jaeger-response";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { jaegerTrace } from "@/lib/pipeline/jaeger/jaeger-query";
import { getRuntime } from "@/lib/pipeline/runtime";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request, context: { params: Promise<{ workspaceId: string; traceId: string }> }) => {
  const { workspaceId, traceId } = await context.params;
  return (await jaegerTrace(getRuntime().store, workspaceId, traceId)) ?? jaegerError(404, "trace not found");
});
