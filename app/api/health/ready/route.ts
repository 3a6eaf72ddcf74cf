// GET /api/health/ready: 200 when the database answers and every migration is applied, else 503 with what is missing
import { readiness } from "@/lib/pipeline/readiness";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const state = await readiness();
  return Response.json({ status: state.ready ? "ok" : "unavailable", ...state.checks }, { status: state.ready ? 200 : 503 });
}
