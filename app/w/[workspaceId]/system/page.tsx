import type { Metadata } from "next";
import { Suspense } from "react";
import { SystemView } from "@/components/system/system-view";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/states";
import { getRuntime } from "@/lib/pipeline/runtime";

export const metadata: Metadata = { title: "System" };
// Whether drafting with AI is configured is read per request from the server's environment.
export const dynamic = "force-dynamic";

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
      <SystemView workspaceId={decodeURIComponent(workspaceId)} aiDraftModel={getRuntime().config.llmDraft?.model ?? null} />
    </Suspense>
  );
}
