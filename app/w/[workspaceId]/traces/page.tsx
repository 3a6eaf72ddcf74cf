import type { Metadata } from "next";
import { TraceList } from "@/components/traces/trace-list";

export const metadata: Metadata = { title: "Traces" };

export default async function TracesPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Recent traces</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Newest first; the list refreshes every few seconds.</p>
      </div>
      <TraceList workspaceId={workspaceId} />
    </div>
  );
}
