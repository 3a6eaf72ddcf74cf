import type { Metadata } from "next";
import { Suspense } from "react";
import { FlowsView } from "@/components/flows/flows-view";
import { flowsApiQuery, readFlowListParams } from "@/components/flows/flow-list-params";
import type { FlowList } from "@/components/flows/flow-types";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/states";
import { flowsQuerySchema } from "@/lib/api/flows.schemas";
import { searchParamsObject } from "@/lib/api/workspace.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listFlows } from "@/lib/store/flow-queries";

export const metadata: Metadata = { title: "Flows" };
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The first page is read on the server and sent with the HTML, so the rows show before any
 * JavaScript runs; the client list takes over from there (filters, paging, polling).
 */
async function firstPage(workspaceId: string, searchParams: SearchParams) {
  const search = new URLSearchParams(Object.entries(searchParams).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const params = readFlowListParams(search);
  const parsed = flowsQuerySchema.safeParse(searchParamsObject(new URLSearchParams(flowsApiQuery(params))));
  if (!parsed.success) return undefined;
  const { drifted, ...query } = parsed.data;
  const data = (await listFlows(getRuntime().store, workspaceId, { ...query, drifted: drifted === undefined ? undefined : drifted === "true" })) as unknown as FlowList;
  return { params, data };
}

export default async function FlowsPage({ params, searchParams }: { params: Promise<{ workspaceId: string }>; searchParams: Promise<SearchParams> }) {
  const workspaceId = decodeURIComponent((await params).workspaceId);
  const initial = await firstPage(workspaceId, await searchParams).catch(() => undefined);
  return (
    <>
      <PageHeader title="Flows" description="The recurring paths through your system, riskiest first." />
      <Suspense fallback={<Skeleton label="Loading flows" rows={8} className="h-12" />}>
        <FlowsView workspaceId={workspaceId} initial={initial} />
      </Suspense>
    </>
  );
}
