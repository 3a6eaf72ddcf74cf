import type { Metadata } from "next";
import { Suspense } from "react";
import { FlowExport } from "@/components/export/flow-export";
import { getRuntime } from "@/lib/pipeline/runtime";

export const metadata: Metadata = { title: "Export" };
// Whether drafting with AI is configured is read per request from the server's environment.
export const dynamic = "force-dynamic";

export default async function FlowExportPage({ params }: { params: Promise<{ workspaceId: string; flowId: string }> }) {
  const { workspaceId, flowId } = await params;
  return (
    <Suspense>
      <FlowExport workspaceId={decodeURIComponent(workspaceId)} flowId={flowId} aiDraftModel={getRuntime().config.llmDraft?.model ?? null} />
    </Suspense>
  );
}
