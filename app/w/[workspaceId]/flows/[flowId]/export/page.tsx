import type { Metadata } from "next";
import { Suspense } from "react";
import { FlowExport } from "@/components/export/flow-export";

export const metadata: Metadata = { title: "Export" };

export default async function FlowExportPage({ params }: { params: Promise<{ workspaceId: string; flowId: string }> }) {
  const { workspaceId, flowId } = await params;
  return (
    <Suspense>
      <FlowExport workspaceId={decodeURIComponent(workspaceId)} flowId={flowId} />
    </Suspense>
  );
}
