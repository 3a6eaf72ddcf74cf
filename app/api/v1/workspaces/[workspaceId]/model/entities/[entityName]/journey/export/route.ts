// POST /api/v1/workspaces/:workspaceId/model/entities/:entityName/journey/export: the entity's lifecycle as one runnable test
import { ApiError, NotFoundError } from "@/lib/api/errors";
import { entityParamsSchema } from "@/lib/api/model.schemas";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { FLOWPRINT_TEST_SCHEMA_ID } from "@/lib/export/flowprint-test.schema";
import { renderTestYaml } from "@/lib/export/render-test-yaml";
import { loadEntityJourney } from "@/lib/pipeline/entity-journey";
import { getRuntime } from "@/lib/pipeline/runtime";

export const dynamic = "force-dynamic";

export const POST = workspaceRoute("write", async (_request: Request, context: { params: Promise<{ workspaceId: string; entityName: string }> }) => {
  const { workspaceId, entityName } = entityParamsSchema.parse(await context.params);
  const store = getRuntime().store;
  const loaded = await loadEntityJourney(store, workspaceId, entityName);
  if (!loaded) throw new NotFoundError(`No entity "${entityName}" in the model of workspace ${workspaceId}.`);
  const { test, notes, origin } = loaded;
  if (!test) throw new ApiError(422, "no_journey", `No journey for ${entityName}: ${notes.map((n) => n.message).join(" ")}`);
  const fileName = `${entityName.replace(/[^\w-]+/g, "-")}-journey.yaml`;
  const yaml = renderTestYaml(
    test,
    [
      `Flowprint test: the lifecycle of ${entityName} as traffic showed it, each step checked against the flow its endpoint starts.`,
      `Schema: ${FLOWPRINT_TEST_SCHEMA_ID}`,
      `Run: npx flowprint run ${fileName} --server <url of Flowprint> --workspace <workspace>${origin ? "" : " --base-url <url of the system>"}`,
    ],
    notes,
  );
  return { yaml, file_name: fileName, warnings: notes.map((n) => n.message), base_url: origin };
});
