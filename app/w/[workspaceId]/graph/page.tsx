import type { Metadata } from "next";
import { Suspense } from "react";
import { ServiceGraphView } from "@/components/graph/service-graph-view";

export const metadata: Metadata = { title: "Service graph" };

export default async function GraphPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return (
    // The selected node is read from the URL's search params, which need a Suspense boundary.
    <Suspense>
      <ServiceGraphView workspaceId={decodeURIComponent(workspaceId)} />
    </Suspense>
  );
}
