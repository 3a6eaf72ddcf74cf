import type { Metadata } from "next";
import { Suspense } from "react";
import { CompareView } from "@/components/traces/compare/compare-view";
import { tracesHref } from "@/components/traces/trace-links";
import { PageBreadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/states";

export const metadata: Metadata = { title: "Compare traces" };

// A static segment: it wins over traces/[traceId], and no trace id (32 hex digits) is "compare".
export default async function CompareTracesPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const workspace = decodeURIComponent(workspaceId);
  return (
    <>
      <PageBreadcrumb parentHref={tracesHref(workspace)} parentLabel="Traces" current="Compare" />
      <PageHeader title="Compare traces" description="Two traces node by node: what one did that the other did not, and where the time went." />
      {/* The two ids live in the URL, which is only known in the browser. */}
      <Suspense fallback={<Skeleton label="Loading the comparison" rows={8} className="h-10" />}>
        <CompareView workspaceId={workspace} />
      </Suspense>
    </>
  );
}
