import type { Metadata } from "next";
import { Suspense } from "react";
import { FlowsView } from "@/components/flows/flows-view";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/states";

export const metadata: Metadata = { title: "Flows" };

export default async function FlowsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return (
    <>
      <PageHeader title="Flows" description="The recurring paths through your system, riskiest first." />
      {/* The list reads its filters from the URL, which is only known in the browser. */}
      <Suspense fallback={<Skeleton label="Loading flows" rows={8} className="h-12" />}>
        <FlowsView workspaceId={decodeURIComponent(workspaceId)} />
      </Suspense>
    </>
  );
}
