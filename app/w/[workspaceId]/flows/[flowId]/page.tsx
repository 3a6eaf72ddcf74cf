import type { Metadata } from "next";
import { FlowDetailView } from "@/components/flows/flow-detail-view";
import { flowParamsSchema } from "@/lib/api/flows.schemas";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getFlow } from "@/lib/store/flow-queries";

type Params = Promise<{ workspaceId: string; flowId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const parsed = flowParamsSchema.safeParse(decodeParams(await params));
  if (!parsed.success) return { title: "Flow not found" };
  const flow = await getFlow(getRuntime().store, parsed.data.workspaceId, parsed.data.flowId);
  return { title: flow ? flow.name : "Flow not found" };
}

export default async function FlowPage({ params }: { params: Params }) {
  const { workspaceId, flowId } = decodeParams(await params);
  return <FlowDetailView workspaceId={workspaceId} flowId={flowId} aiModel={getRuntime().config.llmDraft?.model ?? null} />;
}

function decodeParams(params: Awaited<Params>) {
  return { workspaceId: decodeURIComponent(params.workspaceId), flowId: decodeURIComponent(params.flowId) };
}
