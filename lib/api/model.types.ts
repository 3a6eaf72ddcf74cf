// The system model as GET /api/v1/workspaces/:ws/model (and its endpoints/:id and
// entities/:name) return it: lib/model/model-types.ts with snake_cased keys. Request bodies,
// examples and JSON Schemas keep the traced system's own field names.

export type ModelOperationKind = "create" | "read" | "update" | "delete" | "list";

/** JSON Schema (2020-12) of recorded bodies; `examples` holds the first recorded body. */
export type ModelJsonSchema = { [key: string]: unknown };

export interface ModelCountedValue<T> {
  value: T;
  count: number;
}

export interface ModelParameterView {
  name: string;
  example: string | null;
  required: boolean;
}

export interface ModelResponseView {
  status: number;
  count: number;
  schema: ModelJsonSchema | null;
}

export interface ModelDownstreamEndpointView {
  endpoint_id: string;
  service: string;
  method: string;
  route: string;
  count: number;
}

export interface ModelDownstreamDatabaseView {
  system: string;
  name: string;
  operation: string | null;
  tables: string[];
  writes: boolean;
  count: number;
}

export interface ModelDownstreamTopicView {
  name: string;
  count: number;
}

export interface ModelEndpointView {
  id: string;
  service: string;
  method: string;
  route: string;
  openapi_path: string;
  call_count: number;
  sample_count: number;
  status_codes: ModelCountedValue<number>[];
  path_parameters: ModelParameterView[];
  query_parameters: ModelParameterView[];
  headers: ModelParameterView[];
  request_body: ModelJsonSchema | null;
  request_example: unknown;
  responses: ModelResponseView[];
  p50_ms: number | null;
  p95_ms: number | null;
  error_rate: number;
  downstream: { endpoints: ModelDownstreamEndpointView[]; databases: ModelDownstreamDatabaseView[]; topics: ModelDownstreamTopicView[] };
  flow_ids: string[];
  entity: { name: string; operation: ModelOperationKind | null; id_parameter: string | null } | null;
  bodies_recorded: { request: boolean; response: boolean };
}

export type ModelEntitySourceKind = "route" | "rpc" | "table" | "topic" | "body_field";

export interface ModelEntityOperationView {
  kind: ModelOperationKind;
  endpoint_ids: string[];
  database_operations: { system: string; table: string; operation: string; count: number }[];
  events: string[];
}

export interface ModelDataFlowView {
  producer_endpoint_id: string;
  /** `body.id`, `header.location` */
  produced_at: string;
  consumer_endpoint_id: string;
  /** `path.id`, `query.order`, `header.x-order-id`, `body.orderId` */
  consumed_at: string;
  count: number;
  example: string;
  across_traces: boolean;
}

export interface ModelEntityView {
  name: string;
  seen_in: { kind: ModelEntitySourceKind; where: string }[];
  id_fields: string[];
  operations: ModelEntityOperationView[];
  data_flow: ModelDataFlowView[];
  creator: { endpoint_id: string; id_field: string | null } | null;
  bodies_recorded: boolean;
  notes: string[];
}

export interface ModelDatastoreView {
  system: string;
  name: string;
  services: string[];
  tables: { name: string; operations: ModelCountedValue<string>[]; writes: boolean }[];
}

export interface ModelTopicView {
  name: string;
  producers: string[];
  consumers: string[];
  entity: string | null;
}

export interface ModelInstrumentationView {
  server_spans: number;
  server_spans_without_route: number;
  database_spans: number;
  database_spans_without_system: number;
  client_spans: number;
  client_spans_without_peer: number;
  flows_split_by_gaps: number;
  advice: string[];
}

export interface ModelServiceView {
  name: string;
  endpoint_ids: string[];
  flow_ids: string[];
  instrumentation: ModelInstrumentationView;
}

/** GET .../model */
export interface SystemModelView {
  services: ModelServiceView[];
  endpoints: ModelEndpointView[];
  entities: ModelEntityView[];
  datastores: ModelDatastoreView[];
  topics: ModelTopicView[];
  flow_count: number;
  sampled_trace_count: number;
  /** ISO 8601 */
  generated_at: string;
}

/** GET .../model/endpoints/:id */
export interface ModelEndpointDetailView extends ModelEndpointView {
  flows: { id: string; name: string }[];
}

/** GET .../model/entities/:name */
export interface ModelEntityDetailView extends ModelEntityView {
  endpoints: { id: string; service: string; method: string; route: string; call_count: number; operation: ModelOperationKind | null }[];
}
