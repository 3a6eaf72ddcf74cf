import type { Metadata } from "next";
import { Suspense } from "react";
import { TracesView } from "@/components/traces/traces-view";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/states";

export const metadata: Metadata = { title: "Traces" };

export default async function TracesPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return (
    <>
      <PageHeader title="Recent traces" description="Every trace this workspace received, newest first. Find traces by a span's service, operation, attributes or status, by duration and by when they started; or open one by its id." />
      {/* The filters live in the URL, which is only known in the browser. */}
      <Suspense fallback={<Skeleton label="Loading traces" rows={8} className="h-12" />}>
        <TracesView workspaceId={decodeURIComponent(workspaceId)} />
      </Suspense>
    </>
  );
}
