import type { Metadata } from "next";
import { TraceSummary } from "@/components/traces/trace-summary";
import { TraceWaterfall } from "@/components/traces/trace-waterfall";

export async function generateMetadata({ params }: { params: Promise<{ traceId: string }> }): Promise<Metadata> {
  const { traceId } = await params;
  return { title: `Trace ${decodeURIComponent(traceId).slice(0, 8)}` };
}

export default async function TracePage({ params }: { params: Promise<{ workspaceId: string; traceId: string }> }) {
  const { workspaceId, traceId } = await params;
  const workspace = decodeURIComponent(workspaceId);
  const id = decodeURIComponent(traceId);
  return (
    <div className="space-y-5">
      <TraceSummary workspaceId={workspace} traceId={id} />
      <TraceWaterfall workspaceId={workspace} traceId={id} />
    </div>
  );
}
