// GET /api/v1/workspaces: the workspaces the caller may see (every one on an open instance)
import { instanceRoute } from "@/lib/api/workspace-route";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listWorkspaces } from "@/lib/store/workspace-repository";

export const dynamic = "force-dynamic";

export const GET = instanceRoute(async (_request, _context, visible) => ({
  workspaces: (await listWorkspaces(getRuntime().store)).filter((w) => visible === null || visible.has(w.id)),
}));
