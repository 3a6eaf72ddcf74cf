// POST /api/v1/workspaces/:workspaceId/telemetry/entry-points/export {entry_service, entry_operation, setup?}:
// every variant of the entry point as its own test file, asserting what sets it apart → {files, warnings}
import { NotFoundError } from "@/lib/api/errors";
import { entryPointExportSchema, type EntryPointExportResponse } from "@/lib/api/entry-points.schemas";
import { readJsonBody } from "@/lib/api/read-json-body";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { buildVariantTests } from "@/lib/export/build-variant-tests";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getSystemModel } from "@/lib/pipeline/system-model";
import { loadEntryPointForExport } from "@/lib/store/variant-export-queries";

export const dynamic = "force-dynamic";

export const POST = workspaceRoute("write", async (request: Request, context: WorkspaceRouteContext): Promise<EntryPointExportResponse> => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const body = entryPointExportSchema.parse(await readJsonBody(request));
  const store = getRuntime().store;
  const loaded = await loadEntryPointForExport(store, workspaceId, body.entry_service, body.entry_operation);
  if (!loaded) throw new NotFoundError(`No flows of the entry point ${body.entry_service} → ${body.entry_operation} in workspace ${workspaceId}.`);
  const model = body.setup === "auto" ? await getSystemModel(store, workspaceId) : null;
  return buildVariantTests(loaded.variants, loaded.explanations, { timeoutMs: loaded.timeoutMs, setup: body.setup, model });
});
