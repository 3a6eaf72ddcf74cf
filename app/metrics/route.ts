// GET /metrics: Prometheus metrics of this instance (no workspace data in them: public, as scrapers expect)
import { metrics } from "@/lib/pipeline/metrics";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
}
