// GET /api/v1/session: whether authentication is on, whether the first-run setup is due, and
// who is signed in. Public: the dashboard asks before anyone has signed in.
import { handleJson } from "@/lib/api/route-handler";
import type { SessionView } from "@/lib/api/auth.schemas";
import { sessionView } from "@/lib/pipeline/auth/session-view";

export const dynamic = "force-dynamic";

export const GET = handleJson(async (request: Request): Promise<SessionView> => sessionView(request.headers));
