// POST /api/v1/workspaces/:workspaceId/telemetry/flows/:flowId/export?format=flowprint|testmesh&setup=auto|none: the flow as a test
import { z } from "zod";
import { NotFoundError } from "@/lib/api/errors";
import { flowParamsSchema } from "@/lib/api/flows.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { searchParamsObject } from "@/lib/api/workspace.schemas";
import { EXPORT_FORMATS, exportFlow, SETUP_MODES } from "@/lib/export/export-flow";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getSystemModel } from "@/lib/pipeline/system-model";
import { entryPointExplanations } from "@/lib/store/drift-queries";
import { loadFlowForExport } from "@/lib/store/export-queries";

export const dynamic = "force-dynamic";

const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS).default("flowprint"),
  // auto: setup steps create the entities the trigger refers to (see README: Tests that set up their own state).
  setup: z.enum(SETUP_MODES, { message: "must be auto or none" }).default("auto"),
});

export const POST = workspaceRoute("write", async (request: Request, context: { params: Promise<{ workspaceId: string; flowId: string }> }) => {
  const { workspaceId, flowId } = flowParamsSchema.parse(await context.params);
  const { format, setup } = exportQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const store = getRuntime().store;
  const loaded = await loadFlowForExport(store, workspaceId, flowId);
  if (!loaded) throw new NotFoundError(`No flow ${flowId} in workspace ${workspaceId}.`);
  const model = format === "flowprint" && setup === "auto" ? await getSystemModel(store, workspaceId) : null;
  const explanations = (await entryPointExplanations(store, workspaceId, loaded.flow.entryService, loaded.flow.entryOperation)).filter((e) => e.variantId === loaded.flow.fingerprint);
  return exportFlow(loaded.flow, loaded.entry, format, { timeoutMs: loaded.timeoutMs, setup, model, explanations });
});
