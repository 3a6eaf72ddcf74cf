// GET /api/health: liveness and database reachability
import { getRuntime } from "@/lib/pipeline/runtime";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { store, writer } = getRuntime();
  try {
    await store.prisma.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok", store: store.dialect, ingest_backlog_spans: writer.backlog });
  } catch {
    return Response.json({ status: "unavailable", store: store.dialect }, { status: 503 });
  }
}
