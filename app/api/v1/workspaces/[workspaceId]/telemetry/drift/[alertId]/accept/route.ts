// POST /api/v1/workspaces/:workspaceId/telemetry/drift/:alertId/accept: the variant becomes baseline
import { driftActionRoute } from "@/lib/api/drift-action-route";

export const dynamic = "force-dynamic";

export const POST = driftActionRoute("accept");
