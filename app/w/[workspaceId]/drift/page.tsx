import type { Metadata } from "next";
import { Suspense } from "react";
import { DriftView } from "@/components/drift/drift-view";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/states";

export const metadata: Metadata = { title: "Drift" };

export default async function DriftPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return (
    <>
      <PageHeader title="Drift" description="Entry points whose path changed: a request took a route outside its baseline, or a usual route stopped appearing." />
      {/* The selected tab lives in the URL, which is only known in the browser. */}
      <Suspense fallback={<Skeleton label="Loading drift alerts" rows={4} className="h-16" />}>
        <DriftView workspaceId={decodeURIComponent(workspaceId)} />
      </Suspense>
    </>
  );
}
