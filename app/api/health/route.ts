// GET /api/health: liveness and database reachability
import { getRuntime } from "@/lib/pipeline/runtime";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { store, writer, instanceId } = getRuntime();
  try {
    await store.prisma.$queryRawUnsafe("SELECT 1");
    // instance: which server answered, and whose claims on traces are whose (traces.claimed_by).
    return Response.json({ status: "ok", store: store.dialect, instance: instanceId, ingest_backlog_spans: writer.backlog });
  } catch {
    return Response.json({ status: "unavailable", store: store.dialect }, { status: 503 });
  }
}
