// Entities and their lifecycle, from every place traffic names one: routes and RPCs (with
// the operation HTTP or the RPC verb implies), tables (with the statement's kind), topics
// (`order.created`), id fields of request bodies; plus the data flow that ties them together.
import { ENTITY_OPERATION_KINDS, type DataFlowEvidence, type EntityOperation, type EntityOperationKind, type EntitySource, type ModelEndpoint, type ModelEntity } from "./model-types";
import { nameIdField, nameTableEntity, nameTopicEntity, withArticle } from "./name-entity";
import type { DatabaseOperationKind } from "./read-database-operation";
import type { DatabaseCall, EndpointKey, Exchange, MessageCall } from "./read-trace-exchanges";

interface EntityDraft {
  seenIn: Map<string, EntitySource>;
  idFields: Set<string>;
  operations: Map<EntityOperationKind, { endpointIds: Set<string>; databaseOperations: Map<string, { system: string; table: string; operation: string; count: number }>; events: Set<string> }>;
  dataFlow: DataFlowEvidence[];
  bodiesRecorded: boolean;
}

const DATABASE_OPERATIONS: Partial<Record<DatabaseOperationKind, EntityOperationKind>> = { insert: "create", select: "read", update: "update", delete: "delete", upsert: "update" };

export interface EntityInputs {
  endpoints: readonly ModelEndpoint[];
  exchanges: readonly Exchange[];
  databaseCalls: readonly DatabaseCall[];
  messages: readonly MessageCall[];
  dataFlow: readonly DataFlowEvidence[];
  endpointIdOf: (key: EndpointKey) => string;
}

/** Body fields named like ids, with the path to them (`items.productId`), array indexes left out. */
function idFieldsOf(body: unknown, prefix: string[] = [], depth = 0): { path: string; field: string }[] {
  if (body === null || typeof body !== "object" || depth > 6) return [];
  if (Array.isArray(body)) return body.slice(0, 20).flatMap((item) => idFieldsOf(item, prefix, depth + 1));
  return Object.entries(body).flatMap(([key, value]) => {
    const here = value !== null && typeof value === "object" ? [] : nameIdField(key) ? [{ path: [...prefix, key].join("."), field: key }] : [];
    return [...here, ...idFieldsOf(value, [...prefix, key], depth + 1)];
  });
}

export function collectEntities(inputs: EntityInputs): ModelEntity[] {
  const drafts = new Map<string, EntityDraft>();
  const draft = (name: string): EntityDraft => {
    let d = drafts.get(name);
    if (!d) drafts.set(name, (d = { seenIn: new Map(), idFields: new Set(), operations: new Map(), dataFlow: [], bodiesRecorded: false }));
    return d;
  };
  const operation = (d: EntityDraft, kind: EntityOperationKind) => {
    let op = d.operations.get(kind);
    if (!op) d.operations.set(kind, (op = { endpointIds: new Set(), databaseOperations: new Map(), events: new Set() }));
    return op;
  };
  const see = (d: EntityDraft, source: EntitySource) => d.seenIn.set(`${source.kind}\n${source.where}`, source);
  const endpointsById = new Map(inputs.endpoints.map((e) => [e.id, e]));

  for (const endpoint of inputs.endpoints) {
    if (!endpoint.entity) continue;
    const d = draft(endpoint.entity.name);
    const isRpc = /^\/[\w.]+\/\w+$/.test(endpoint.route) && /\./.test(endpoint.route.split("/")[1]);
    see(d, { kind: isRpc ? "rpc" : "route", where: `${endpoint.method} ${endpoint.route}` });
    if (endpoint.entity.idParameter) d.idFields.add(endpoint.entity.idParameter);
    if (endpoint.entity.operation) operation(d, endpoint.entity.operation).endpointIds.add(endpoint.id);
    d.bodiesRecorded ||= endpoint.bodiesRecorded.request || endpoint.bodiesRecorded.response;
  }
  for (const call of inputs.databaseCalls) {
    const kind = DATABASE_OPERATIONS[call.operation.kind];
    for (const table of call.operation.tables) {
      const name = nameTableEntity(table);
      if (!name) continue;
      const d = draft(name);
      const system = call.operation.system ?? "unknown";
      see(d, { kind: "table", where: `${system} ${table}` });
      if (!kind) continue;
      const opName = (call.operation.operation ?? call.operation.kind).toUpperCase();
      const ops = operation(d, kind).databaseOperations;
      const k = `${system}\n${table}\n${opName}`;
      const existing = ops.get(k);
      if (existing) existing.count++;
      else ops.set(k, { system, table, operation: opName, count: 1 });
    }
  }
  for (const message of inputs.messages) {
    const named = nameTopicEntity(message.topic);
    if (!named) continue;
    const d = draft(named.entity);
    see(d, { kind: "topic", where: message.topic });
    if (named.operation && message.role === "produce") operation(d, named.operation).events.add(message.topic);
  }
  const seenBodyFields = new Set<string>();
  for (const exchange of inputs.exchanges) {
    for (const { path, field } of idFieldsOf(exchange.requestBody)) {
      const name = nameIdField(field)!;
      const where = `${exchange.method} ${exchange.route} body.${path}`;
      if (seenBodyFields.has(`${name}\n${where}`)) continue;
      seenBodyFields.add(`${name}\n${where}`);
      const d = draft(name);
      see(d, { kind: "body_field", where });
      d.idFields.add(field);
    }
  }
  for (const evidence of inputs.dataFlow) {
    const name = entityOfEvidence(evidence, endpointsById);
    if (name) draft(name).dataFlow.push(evidence);
  }

  return [...drafts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, d]) => {
      const operations: EntityOperation[] = ENTITY_OPERATION_KINDS.filter((k) => d.operations.has(k)).map((kind) => {
        const op = d.operations.get(kind)!;
        return {
          kind,
          endpointIds: [...op.endpointIds].sort((a, b) => (endpointsById.get(b)?.callCount ?? 0) - (endpointsById.get(a)?.callCount ?? 0) || a.localeCompare(b)),
          databaseOperations: [...op.databaseOperations.values()].sort((a, b) => b.count - a.count || a.table.localeCompare(b.table)),
          events: [...op.events].sort(),
        };
      });
      const creator = findCreator(name, operations, d.dataFlow, endpointsById);
      return {
        name,
        seenIn: [...d.seenIn.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.where.localeCompare(b.where)),
        idFields: [...d.idFields].sort(),
        operations,
        dataFlow: d.dataFlow,
        creator,
        bodiesRecorded: d.bodiesRecorded,
        notes: notesOf(name, d, operations, creator, endpointsById),
      };
    });
}

/** The entity a flow of values is about: the id parameter it fills, the id field it is, else what the producer created. */
function entityOfEvidence(evidence: DataFlowEvidence, endpoints: ReadonlyMap<string, ModelEndpoint>): string | null {
  const consumer = endpoints.get(evidence.consumerEndpointId);
  const [where, ...rest] = evidence.consumedAt.split(".");
  if (where === "path" && consumer?.entity && consumer.entity.idParameter === rest.join(".")) return consumer.entity.name;
  const field = rest.at(-1);
  const named = field ? nameIdField(field) : null;
  if (named) return named;
  const producer = endpoints.get(evidence.producerEndpointId);
  if (producer?.entity?.operation === "create") return producer.entity.name;
  return consumer?.entity?.name ?? null;
}

function findCreator(name: string, operations: readonly EntityOperation[], dataFlow: readonly DataFlowEvidence[], endpoints: ReadonlyMap<string, ModelEndpoint>): ModelEntity["creator"] {
  const create = operations.find((o) => o.kind === "create");
  const candidates = (create?.endpointIds ?? []).filter((id) => endpoints.get(id)?.entity?.name === name);
  // One a flow starts at first: a test can reach it, an internal service behind a gateway maybe not.
  const endpointId = candidates.find((id) => endpoints.get(id)!.entryPoint) ?? candidates[0];
  if (!endpointId) return null;
  // Observed first: where the id a later request used came from in the creator's response.
  const produced = dataFlow.filter((e) => e.producerEndpointId === endpointId && e.producedAt.startsWith("body."));
  if (produced.length > 0) return { endpointId, idField: produced[0].producedAt.slice("body.".length) };
  const endpoint = endpoints.get(endpointId)!;
  const success = endpoint.responses.find((r) => r.status >= 200 && r.status < 300 && r.schema);
  const properties = (success?.schema?.properties ?? {}) as Record<string, unknown>;
  const camel = name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const field = ["id", `${camel}Id`, `${name}_id`, "uuid"].find((f) => Object.hasOwn(properties, f));
  return { endpointId, idField: field ?? null };
}

function notesOf(name: string, d: EntityDraft, operations: readonly EntityOperation[], creator: ModelEntity["creator"], endpoints: ReadonlyMap<string, ModelEndpoint>): string[] {
  const notes: string[] = [];
  const hasEndpoints = operations.some((o) => o.endpointIds.length > 0);
  if (hasEndpoints && !d.bodiesRecorded) {
    notes.push("No request or response bodies were recorded for its endpoints: its operations are named from routes, and which response feeds which request was not observed. Record http.request.body and http.response.body to see it.");
  }
  if (creator && creator.idField === null) {
    const e = endpoints.get(creator.endpointId)!;
    notes.push(`${e.method} ${e.route} creates it, but no recorded response showed where the new id is: a test that needs ${withArticle(name)} cannot take the id from it.`);
  }
  if (hasEndpoints && !creator) notes.push(`No endpoint was seen creating ${withArticle(name)}: a test that needs one uses an id recorded in production.`);
  return notes;
}
