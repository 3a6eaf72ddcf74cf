// GET /api/v1/workspaces: every workspace that has received data or keys
import { handleJson } from "@/lib/api/route-handler";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listWorkspaces } from "@/lib/store/workspace-repository";

export const dynamic = "force-dynamic";

export const GET = handleJson(async () => ({ workspaces: await listWorkspaces(getRuntime().store) }));
