import type { Metadata } from "next";
import { Suspense } from "react";
import { SystemView } from "@/components/system/system-view";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/states";

export const metadata: Metadata = { title: "System" };

export default async function SystemPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return (
    // The open endpoint is read from the URL's search params, which need a Suspense boundary.
    <Suspense
      fallback={
        <>
          <PageHeader title="System" />
          <Skeleton label="Loading the system model" rows={5} className="h-28" />
        </>
      }
    >
      <SystemView workspaceId={decodeURIComponent(workspaceId)} />
    </Suspense>
  );
}
