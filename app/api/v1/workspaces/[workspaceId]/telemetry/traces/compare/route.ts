// GET /api/v1/workspaces/:workspaceId/telemetry/traces/compare?a=&b=: two traces node by node
// A static segment wins over the [traceId] beside it, and no trace id (32 hex digits) is "compare".
import { NotFoundError } from "@/lib/api/errors";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { traceCompareQuerySchema, traceCompareView } from "@/lib/api/trace-compare.schemas";
import { searchParamsObject, workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { compareTraces } from "@/lib/diagnosis/compare-traces";
import { getRuntime } from "@/lib/pipeline/runtime";
import { flowRepresentativeTraceId, loadComparedTraces, type ComparedTraceRecord } from "@/lib/store/compare-queries";
import { buildSpanTree } from "@/lib/traces/build-span-tree";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const query = traceCompareQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const store = getRuntime().store;

  const loaded = await loadComparedTraces(store, workspaceId, query.b ? [query.a, query.b] : [query.a]);
  const a = loaded.get(query.a);
  if (!a) throw new NotFoundError(`Trace a: no trace ${query.a} in workspace ${workspaceId}.`);

  let b: ComparedTraceRecord | undefined;
  if (query.b) {
    b = loaded.get(query.b);
    if (!b) throw new NotFoundError(`Trace b: no trace ${query.b} in workspace ${workspaceId}.`);
  } else {
    if (!a.summary.flow_id) throw new NotFoundError(`Trace a (${query.a}) is not part of a flow yet, so it has no representative to compare with; give b.`);
    const representative = await flowRepresentativeTraceId(store, workspaceId, a.summary.flow_id);
    if (!representative) throw new NotFoundError(`The flow of trace a (${query.a}) has no representative trace yet; give b.`);
    b = representative === a.summary.trace_id ? a : (await loadComparedTraces(store, workspaceId, [representative])).get(representative);
    if (!b) throw new NotFoundError(`Trace b: the representative ${representative} of trace a's flow is no longer stored; give b.`);
  }

  const comparison = compareTraces(buildSpanTree(a.spans), buildSpanTree(b.spans));
  return traceCompareView(a.summary, b.summary, query.b ? "given" : "representative", comparison);
});
