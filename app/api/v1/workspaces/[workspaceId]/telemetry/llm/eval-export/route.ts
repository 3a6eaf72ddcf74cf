// POST /api/v1/workspaces/:workspaceId/telemetry/llm/eval-export {model?, from?, to?, flow_id?, dedupe?, limit?, name?}:
// the selected LLM calls as one eval dataset → {yaml, file_name, cases, calls, templates}
import { ApiError } from "@/lib/api/errors";
import { evalSelectionSchema } from "@/lib/api/llm.schemas";
import { readJsonBody } from "@/lib/api/read-json-body";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { NoExportableSpansError } from "@/lib/eval/build-eval-dataset";
import { buildSelectionDataset } from "@/lib/eval/build-selection-dataset";
import { evalDatasetFileName } from "@/lib/eval/eval-dataset-file-name";
import { renderEvalDatasetYaml } from "@/lib/eval/render-eval-dataset-yaml";
import { getRuntime } from "@/lib/pipeline/runtime";
import { selectLlmCallsWithText } from "@/lib/store/llm-queries";

export const dynamic = "force-dynamic";

export const POST = workspaceRoute("write", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const selection = evalSelectionSchema.parse(await readJsonBody(request));
  const calls = await selectLlmCallsWithText(getRuntime().store, workspaceId, { model: selection.model, fromMs: selection.from, toMs: selection.to, flowId: selection.flow_id });
  try {
    const { dataset, calls: considered, templates } = buildSelectionDataset(calls, { workspace: workspaceId, ...selection }, new Date());
    return { yaml: renderEvalDatasetYaml(dataset), file_name: evalDatasetFileName(dataset.name), cases: dataset.cases.length, calls: considered, templates };
  } catch (error) {
    if (error instanceof NoExportableSpansError) throw new ApiError(422, "no_exportable_spans", error.message);
    throw error;
  }
});
