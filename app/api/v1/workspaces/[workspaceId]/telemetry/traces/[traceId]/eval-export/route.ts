// POST /api/v1/workspaces/:workspaceId/telemetry/traces/:traceId/eval-export: the trace's LLM calls as an eval dataset → {yaml, file_name, cases}
import { ApiError, NotFoundError } from "@/lib/api/errors";
import { traceParamsSchema } from "@/lib/api/flows.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { buildEvalDataset, NoExportableSpansError } from "@/lib/eval/build-eval-dataset";
import { evalDatasetFileName } from "@/lib/eval/eval-dataset-file-name";
import { renderEvalDatasetYaml } from "@/lib/eval/render-eval-dataset-yaml";
import { getRuntime } from "@/lib/pipeline/runtime";
import { traceLlmCalls } from "@/lib/store/llm-queries";

export const dynamic = "force-dynamic";

export const POST = workspaceRoute("write", async (_request: Request, context: { params: Promise<{ workspaceId: string; traceId: string }> }) => {
  const { workspaceId, traceId } = traceParamsSchema.parse(await context.params);
  const calls = await traceLlmCalls(getRuntime().store, workspaceId, traceId);
  if (calls === null) throw new NotFoundError(`No trace ${traceId} in workspace ${workspaceId}.`);
  try {
    const dataset = buildEvalDataset({ calls, source: { type: "trace", workspace: workspaceId, trace_id: traceId }, exportedAt: new Date() });
    return { yaml: renderEvalDatasetYaml(dataset), file_name: evalDatasetFileName(traceId), cases: dataset.cases.length };
  } catch (error) {
    if (error instanceof NoExportableSpansError) throw new ApiError(422, "no_exportable_spans", error.message);
    throw error;
  }
});
