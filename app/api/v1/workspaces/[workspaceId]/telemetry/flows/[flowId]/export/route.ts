// POST /api/v1/workspaces/:workspaceId/telemetry/flows/:flowId/export?format=flowprint|testmesh: the flow as a test
import { z } from "zod";
import { NotFoundError } from "@/lib/api/errors";
import { flowParamsSchema } from "@/lib/api/flows.schemas";
import { handleJson } from "@/lib/api/route-handler";
import { searchParamsObject } from "@/lib/api/workspace.schemas";
import { EXPORT_FORMATS, exportFlow } from "@/lib/export/export-flow";
import { getRuntime } from "@/lib/pipeline/runtime";
import { loadFlowForExport } from "@/lib/store/export-queries";

export const dynamic = "force-dynamic";

const exportQuerySchema = z.object({ format: z.enum(EXPORT_FORMATS).default("flowprint") });

export const POST = handleJson(async (request: Request, context: { params: Promise<{ workspaceId: string; flowId: string }> }) => {
  const { workspaceId, flowId } = flowParamsSchema.parse(await context.params);
  const { format } = exportQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const loaded = await loadFlowForExport(getRuntime().store, workspaceId, flowId);
  if (!loaded) throw new NotFoundError(`No flow ${flowId} in workspace ${workspaceId}.`);
  return exportFlow(loaded.flow, loaded.entry, format, { timeoutMs: loaded.timeoutMs });
});
