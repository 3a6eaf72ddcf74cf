import type { Metadata } from "next";
import { Suspense } from "react";
import { LlmView } from "@/components/llm/llm-view";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/states";

export const metadata: Metadata = { title: "LLM calls" };

export default async function LlmPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return (
    <>
      <PageHeader title="LLM calls" description="Model calls found in your traces: usage, estimated cost, latency and errors per model, and eval datasets from recorded prompts." />
      {/* The range, model and flow live in the URL, which is only known in the browser. */}
      <Suspense fallback={<Skeleton label="Loading LLM usage" rows={6} className="h-20" />}>
        <LlmView workspaceId={decodeURIComponent(workspaceId)} />
      </Suspense>
    </>
  );
}
