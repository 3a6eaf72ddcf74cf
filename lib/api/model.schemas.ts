// GET /api/v1/workspaces/:ws/model (and its endpoints, entities, openapi): parameters and views.
import { z } from "zod";
import type { ModelEndpoint, ModelEntity, SystemModel } from "../model/model-types";
import { snakeCaseKeys } from "./snake-case-keys";
import { workspaceParamsSchema } from "./workspace.schemas";

export const endpointParamsSchema = workspaceParamsSchema.extend({ endpointId: z.string().regex(/^ep-[0-9a-f]{14}$/, "must be an endpoint id such as ep-0123456789abcd") });
export const entityParamsSchema = workspaceParamsSchema.extend({ entityName: z.string().min(1).max(200) });

export const openapiQuerySchema = z.object({
  service: z.string().min(1, "must name a service"),
  format: z.enum(["json", "yaml"], { message: "must be json or yaml" }).optional(),
});

/** Recorded bodies and schemas of them keep the system's own field names. */
const VERBATIM = new Set(["requestBody", "requestExample", "schema", "example"]);

export function modelView(model: SystemModel) {
  const { generatedAtMs, ...rest } = model;
  return { ...(snakeCaseKeys(rest, VERBATIM) as Record<string, unknown>), generated_at: new Date(generatedAtMs).toISOString() };
}

// A model is immutable and kept between requests: its JSON (megabytes for 1,000 flows) is made once.
const viewTexts = new WeakMap<SystemModel, string>();

/** The model's API JSON, as text. */
export function modelViewJson(model: SystemModel): string {
  let text = viewTexts.get(model);
  if (text === undefined) viewTexts.set(model, (text = JSON.stringify(modelView(model))));
  return text;
}

export function endpointView(endpoint: ModelEndpoint, flows: { id: string; name: string }[]) {
  return { ...(snakeCaseKeys(endpoint, VERBATIM) as Record<string, unknown>), flows };
}

export function entityView(entity: ModelEntity, endpoints: readonly ModelEndpoint[]) {
  const related = new Set([...entity.operations.flatMap((o) => o.endpointIds), ...entity.dataFlow.flatMap((d) => [d.producerEndpointId, d.consumerEndpointId])]);
  return {
    ...(snakeCaseKeys(entity, VERBATIM) as Record<string, unknown>),
    endpoints: endpoints.filter((e) => related.has(e.id)).map((e) => ({ id: e.id, service: e.service, method: e.method, route: e.route, call_count: e.callCount, operation: e.entity?.name === entity.name ? e.entity.operation : null })),
  };
}
