// The part of the system model a draft needs: the endpoints of the services involved, the
// entities those endpoints touch and the endpoints that create them (setup may need another
// service's creator). Never the whole model: a large system would crowd out the trace.
import type { ModelEndpoint, ModelEntity, SystemModel } from "../../model/model-types";

export interface ModelSlice {
  /** The focus endpoints, then the creators of the entities: what a test of the focus calls. */
  endpoints: ModelEndpoint[];
  entities: ModelEntity[];
  /** The services' other endpoints: useful, but the first to leave when space is short. */
  otherEndpoints: ModelEndpoint[];
}

export interface SliceFocus {
  /** Services whose endpoints are all included. */
  services: readonly string[];
  /** Endpoints the draft is about (the flow's, the entity's): listed first. */
  endpointIds: readonly string[];
  /** Entities included whether or not one of the endpoints touches them. */
  entityNames?: readonly string[];
}

function entityEndpointIds(entity: ModelEntity): string[] {
  return [...entity.operations.flatMap((o) => o.endpointIds), ...(entity.creator ? [entity.creator.endpointId] : [])];
}

export function sliceModel(model: SystemModel, focus: SliceFocus): ModelSlice {
  const services = new Set(focus.services);
  const byId = new Map(model.endpoints.map((e) => [e.id, e]));
  const inServices = model.endpoints.filter((e) => services.has(e.service));
  const touched = new Set([...focus.endpointIds, ...inServices.map((e) => e.id)]);
  const named = new Set(focus.entityNames ?? []);
  const entities = model.entities.filter((entity) => named.has(entity.name) || entityEndpointIds(entity).some((id) => touched.has(id)));
  const creators = entities.flatMap((entity) => (entity.creator ? [entity.creator.endpointId] : []));
  const main = [...new Set([...focus.endpointIds, ...creators])].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const mainIds = new Set(main.map((e) => e.id));
  return { endpoints: main, entities, otherEndpoints: inServices.filter((e) => !mainIds.has(e.id)) };
}
