// GET, PUT /api/v1/workspaces/:workspaceId/settings/telemetry: the workspace's telemetry settings
import { readJsonBody } from "@/lib/api/read-json-body";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { telemetrySettingsPatchSchema } from "@/lib/api/settings.schemas";
import { authorizeWorkspace, workspaceRoute } from "@/lib/api/workspace-route";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { needForSettingsChange } from "@/lib/auth/policy";
import { audit } from "@/lib/pipeline/auth/audit";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getTelemetrySettings, updateTelemetrySettings } from "@/lib/store/settings-repository";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (_request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  return getTelemetrySettings(getRuntime().store, workspaceId);
});

export const PUT = workspaceRoute("write", async (request: Request, context: WorkspaceRouteContext, access) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const patch = telemetrySettingsPatchSchema.parse(await readJsonBody(request));
  if (needForSettingsChange(Object.keys(patch)) === "admin") await authorizeWorkspace(request, workspaceId, "admin");
  const runtime = getRuntime();
  const settings = await updateTelemetrySettings(runtime.store, workspaceId, patch);
  runtime.ingestGate.invalidate();
  if (patch.keyless_ingest !== undefined) runtime.keyring.invalidate();
  await audit(request, access.principal, "settings.update", { workspaceId, details: patch });
  return settings;
});
