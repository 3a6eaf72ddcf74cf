// Addresses the System page links to: a service's OpenAPI document and an endpoint's row.
import { workspaceApi } from "@/lib/api/query-keys";

export type OpenApiFormat = "json" | "yaml";

export const openApiHref = (workspaceId: string, service: string, format: OpenApiFormat) =>
  workspaceApi(workspaceId, `/model/openapi?${new URLSearchParams({ service, format })}`);

/** The element id of an endpoint's row, for scrolling to it from an entity card. */
export const endpointRowId = (endpointId: string) => `endpoint-${endpointId}`;

/** A name (entity, service) as the part of an element id. */
export const domId = (name: string) => name.replace(/[^\w-]/g, "_");
