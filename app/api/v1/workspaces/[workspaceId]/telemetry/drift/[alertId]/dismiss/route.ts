// POST /api/v1/workspaces/:workspaceId/telemetry/drift/:alertId/dismiss: silences the alert
import { driftActionRoute } from "@/lib/api/drift-action-route";

export const dynamic = "force-dynamic";

export const POST = driftActionRoute("dismiss");
