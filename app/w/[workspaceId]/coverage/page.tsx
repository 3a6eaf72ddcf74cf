import type { Metadata } from "next";
import { Suspense } from "react";
import { CoverageView } from "@/components/coverage/coverage-view";

export const metadata: Metadata = { title: "Coverage" };

export default async function CoveragePage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return (
    // The window is read from the URL's search params, which need a Suspense boundary.
    <Suspense>
      <CoverageView workspaceId={decodeURIComponent(workspaceId)} />
    </Suspense>
  );
}
