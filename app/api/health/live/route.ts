// GET /api/health/live: the process answers (a liveness probe: restart it when this fails)
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" });
}
