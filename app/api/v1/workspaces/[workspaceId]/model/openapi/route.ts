// GET /api/v1/workspaces/:workspaceId/model/openapi?service=&format=json|yaml: one service's OpenAPI 3.1 document, inferred from traffic
import { stringify } from "yaml";
import { NotFoundError } from "@/lib/api/errors";
import { openapiQuerySchema } from "@/lib/api/model.schemas";
import type { WorkspaceRouteContext } from "@/lib/api/route-handler";
import { workspaceRoute } from "@/lib/api/workspace-route";
import { searchParamsObject, workspaceParamsSchema } from "@/lib/api/workspace.schemas";
import { buildOpenApi } from "@/lib/model/build-openapi";
import { getRuntime } from "@/lib/pipeline/runtime";
import { getSystemModel } from "@/lib/pipeline/system-model";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute("read", async (request: Request, context: WorkspaceRouteContext) => {
  const { workspaceId } = workspaceParamsSchema.parse(await context.params);
  const { service, format } = openapiQuerySchema.parse(searchParamsObject(new URL(request.url).searchParams));
  const model = await getSystemModel(getRuntime().store, workspaceId, { staleWhileRevalidate: true });
  if (!model.services.some((s) => s.name === service)) throw new NotFoundError(`No service "${service}" in the model of workspace ${workspaceId}.`);
  const document = buildOpenApi(model, service);
  const yaml = format === "yaml" || (format === undefined && /\b(application|text)\/(x-)?yaml\b/.test(request.headers.get("accept") ?? ""));
  const fileName = `${service.replace(/[^\w.-]+/g, "_")}.openapi.${yaml ? "yaml" : "json"}`;
  const headers = { "content-disposition": `inline; filename="${fileName}"` };
  if (yaml) return new Response(stringify(document, { aliasDuplicateObjects: false }), { headers: { ...headers, "content-type": "application/yaml; charset=utf-8" } });
  return Response.json(document, { headers });
});
