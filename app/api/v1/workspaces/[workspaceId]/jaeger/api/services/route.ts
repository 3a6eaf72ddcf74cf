// GET .../jaeger/api/services: Jaeger's service list (every service that sent a span)
import { workspaceRoute } from "@/lib/api/workspace-route";
import { jaegerServices } from "@/lib/pipeline/jaeger/jaeger-query";
import { getRuntime } from "@/lib/pipeline/runtime";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request, context: { params: Promise<{ workspaceId: string }> }) => jaegerServices(getRuntime().store, (await context.params).workspaceId));
