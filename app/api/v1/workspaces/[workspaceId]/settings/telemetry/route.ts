// GET, PUT /api/v1/workspaces/:workspaceId/settings/telemetry: the workspace's telemetry settings
import { readJsonBody } from "@/lib/api/read-json-body";
import { handleJson, type WorkspaceRouteContext } from "@/lib/api/route-handler";
import { telemetrySettingsPatchSchema } from "@/lib/api/settings.schemas";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getTelemetrySettings, updateTelemetrySettings } from "@/lib/store/settings-repository";

export const dynamic = "force-dynamic";

export const GET = handleJson(async (_request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  return getTelemetrySettings(getRuntime().store, workspaceId);
});

export const PUT = handleJson(async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const patch = telemetrySettingsPatchSchema.parse(await readJsonBody(request));
  const runtime = getRuntime();
  const settings = await updateTelemetrySettings(runtime.store, workspaceId, patch);
  runtime.ingestGate.invalidate();
  return settings;
});
