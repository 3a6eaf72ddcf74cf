// GET .../jaeger/api/dependencies: calls between services, from the service graph
import { workspaceRoute } from "@/lib/api/workspace-route";
import { jaegerDependencies } from "@/lib/pipeline/jaeger/jaeger-query";
import { getRuntime } from "@/lib/pipeline/runtime";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request, context: { params: Promise<{ workspaceId: string }> }) => jaegerDependencies(getRuntime().store, (await context.params).workspaceId));
