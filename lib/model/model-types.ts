// The semantic model of a system, learned from the traces of its flows: what each service
// serves, which endpoint creates, reads, changes or deletes which entity, where data goes.
// Field names are camelCase here; the REST layer snake-cases them.
import type { JsonSchema } from "./infer-json-schema";

export type EntityOperationKind = "create" | "read" | "update" | "delete" | "list";
export const ENTITY_OPERATION_KINDS: readonly EntityOperationKind[] = ["create", "read", "update", "delete", "list"];

export interface CountedValue<T> {
  value: T;
  count: number;
}

export interface ModelParameter {
  name: string;
  /** A recorded value, for a test to start from. */
  example: string | null;
  /** Present in every sampled request of the endpoint. */
  required: boolean;
}

export interface ModelResponse {
  status: number;
  count: number;
  schema: JsonSchema | null;
}

export interface DownstreamEndpoint {
  endpointId: string;
  service: string;
  method: string;
  route: string;
  count: number;
}

export interface DownstreamDatabase {
  system: string;
  /** db.namespace (or the system when none was recorded). */
  name: string;
  operation: string | null;
  tables: string[];
  writes: boolean;
  count: number;
}

export interface DownstreamTopic {
  name: string;
  count: number;
}

export interface ModelEndpoint {
  /** Stable across rebuilds: derived from service, method and route. */
  id: string;
  service: string;
  method: string;
  /** The route template as recorded (`/orders/:id`, `/orders/{id}`, `/products/[id]`). */
  route: string;
  /** How the route names its parameters, for OpenAPI: `/orders/{id}`. */
  openapiPath: string;
  /** Some flow starts here: the endpoint is reachable from outside (a test can call it). */
  entryPoint: boolean;
  /** Traces of the model's flows that ran this endpoint (exact, from the flows' statistics). */
  callCount: number;
  /** Sampled traces the shapes below were learned from. */
  sampleCount: number;
  statusCodes: CountedValue<number>[];
  pathParameters: ModelParameter[];
  queryParameters: ModelParameter[];
  /** Captured request headers (`http.request.header.*`), minus connection and credential headers. */
  headers: ModelParameter[];
  requestBody: JsonSchema | null;
  /** A recorded request body, for a test to send. */
  requestExample: unknown;
  responses: ModelResponse[];
  /** Span duration quantiles over the flows' statistics; null when no flow timed the endpoint. */
  p50Ms: number | null;
  p95Ms: number | null;
  errorRate: number;
  downstream: { endpoints: DownstreamEndpoint[]; databases: DownstreamDatabase[]; topics: DownstreamTopic[] };
  flowIds: string[];
  /** What the endpoint does to which entity, by the rules of lib/model/name-entity.ts. */
  entity: { name: string; operation: EntityOperationKind | null; idParameter: string | null } | null;
  /** The endpoint's request and response bodies were recorded in at least one sample. */
  bodiesRecorded: { request: boolean; response: boolean };
}

export type EntitySourceKind = "route" | "rpc" | "table" | "topic" | "body_field";

export interface EntitySource {
  kind: EntitySourceKind;
  /** The route, table, topic or `<endpoint> body.<field>` where the entity was seen. */
  where: string;
}

export interface EntityOperation {
  kind: EntityOperationKind;
  endpointIds: string[];
  /** `INSERT orders` style: the statement kind and table. */
  databaseOperations: { system: string; table: string; operation: string; count: number }[];
  events: string[];
}

/** "B consumes the `order` id that A produces": seen when a returned value is sent again later. */
export interface DataFlowEvidence {
  producerEndpointId: string;
  /** Where A returned it: `body.id`, `header.location`. */
  producedAt: string;
  consumerEndpointId: string;
  /** Where B received it: `path.id`, `query.order`, `header.x-order-id`, `body.orderId`. */
  consumedAt: string;
  count: number;
  example: string;
  /** The two requests were in different traces at least once. */
  acrossTraces: boolean;
}

export interface ModelEntity {
  name: string;
  seenIn: EntitySource[];
  /** Names the entity's id goes by: route parameters, body fields. */
  idFields: string[];
  operations: EntityOperation[];
  dataFlow: DataFlowEvidence[];
  /** The endpoint that creates it and where its response carries the new id. */
  creator: { endpointId: string; idField: string | null } | null;
  /** Bodies of its endpoints were recorded: data flow could be observed, not only named. */
  bodiesRecorded: boolean;
  /** What the model could not see, said instead of guessed. */
  notes: string[];
}

export interface ModelDatastore {
  system: string;
  name: string;
  services: string[];
  tables: { name: string; operations: CountedValue<string>[]; writes: boolean }[];
}

export interface ModelTopic {
  name: string;
  producers: string[];
  consumers: string[];
  entity: string | null;
}

/** Span counts of one service, and how many of each kind miss what discovery needs. */
export interface ServiceGaps {
  serverSpans: number;
  serverSpansWithoutRoute: number;
  databaseSpans: number;
  databaseSpansWithoutSystem: number;
  clientSpans: number;
  clientSpansWithoutPeer: number;
}

export interface InstrumentationQuality extends ServiceGaps {
  /** Flows of the service's entry points that differ from another only by a gap above. */
  flowsSplitByGaps: number;
  /** What to fix, most useful first. */
  advice: string[];
}

export interface ModelService {
  name: string;
  endpointIds: string[];
  flowIds: string[];
  instrumentation: InstrumentationQuality;
}

export interface SystemModel {
  services: ModelService[];
  endpoints: ModelEndpoint[];
  entities: ModelEntity[];
  datastores: ModelDatastore[];
  topics: ModelTopic[];
  generatedAtMs: number;
  flowCount: number;
  sampledTraceCount: number;
}
