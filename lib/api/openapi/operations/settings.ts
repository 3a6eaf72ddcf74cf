// A workspace's telemetry settings: the one response a zod schema describes end to end.
import { telemetrySettingsPatchSchema } from "../../settings.schemas";
import { workspaceParamsSchema } from "../../workspace.schemas";
import { WORKSPACE_PATH, type ApiOperation } from "../operation";
import { ref } from "../shared-schemas";

export const SETTINGS_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: `${WORKSPACE_PATH}/settings/telemetry`,
    operationId: "getTelemetrySettings",
    summary: "The workspace's telemetry settings",
    tag: "settings",
    access: "read",
    params: workspaceParamsSchema,
    responses: { 200: { description: "Every setting.", json: ref("TelemetrySettings") } },
  },
  {
    method: "put",
    path: `${WORKSPACE_PATH}/settings/telemetry`,
    operationId: "updateTelemetrySettings",
    summary: "Change any subset of the settings",
    description:
      "A bad or unknown field gets a 400 naming it. Changing keyless_ingest takes the admin role. enabled: false makes ingestion answer 403; auto_discovery: false stores spans without discovering flows.",
    tag: "settings",
    access: "write",
    params: workspaceParamsSchema,
    body: telemetrySettingsPatchSchema,
    responses: { 200: { description: "Every setting, after the change.", json: ref("TelemetrySettings") } },
  },
];
