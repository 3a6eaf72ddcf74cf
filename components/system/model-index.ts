// Lookups the System page needs while rendering: endpoints by id and their `METHOD route` text.
import type { ModelEndpointView, SystemModelView } from "@/lib/api/model.types";

export interface ModelIndex {
  endpoints: ReadonlyMap<string, ModelEndpointView>;
  /** `METHOD route` routes served by more than one service: those labels also name the service. */
  sharedRoutes: ReadonlySet<string>;
}

export function indexModel(model: SystemModelView): ModelIndex {
  const seen = new Map<string, Set<string>>();
  for (const e of model.endpoints) {
    const label = `${e.method} ${e.route}`;
    seen.set(label, (seen.get(label) ?? new Set()).add(e.service));
  }
  return {
    endpoints: new Map(model.endpoints.map((e) => [e.id, e])),
    sharedRoutes: new Set([...seen].filter(([, services]) => services.size > 1).map(([label]) => label)),
  };
}

export const endpointLabel = (endpoint: Pick<ModelEndpointView, "method" | "route">) => `${endpoint.method} ${endpoint.route}`;
