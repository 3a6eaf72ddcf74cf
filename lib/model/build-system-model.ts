// The system model from the flows and their sampled traces (each flow's representative and
// samples): endpoints with the shapes and timings of their traffic, entities with their
// operations, datastores, topics, data flow between endpoints, instrumentation gaps.
import { durationQuantileMs, emptyDurationSketch, mergeDurationSketches, sketchDurations } from "../flows/duration-sketch";
import type { NodeStats } from "../flows/node-stats";
import { hashText } from "../traces/hash-text";
import type { PathNode } from "../traces/path-node";
import type { TraceSpan } from "../traces/trace-span";
import { assessInstrumentation } from "./assess-instrumentation";
import { collectEntities } from "./collect-entities";
import { findDataFlow } from "./find-data-flow";
import { inferJsonSchemaFromSamples } from "./infer-json-schema";
import type { DownstreamDatabase, ModelDatastore, ModelEndpoint, ModelParameter, ModelService, ModelTopic, SystemModel } from "./model-types";
import { nameRouteOperation, nameTopicEntity } from "./name-entity";
import { readTraceExchanges, type DatabaseCall, type EndpointKey, type Exchange, type MessageCall, type ServiceGaps } from "./read-trace-exchanges";
import { matchRoutePath, toOpenApiPath } from "./route-template";

export interface ModelFlow {
  id: string;
  name: string;
  entryService: string;
  entryOperation: string;
  path: readonly PathNode[];
  nodeStats: NodeStats;
  /** The flow's representative trace first, then its samples. */
  traceIds: readonly string[];
}

export interface ModelInput {
  flows: readonly ModelFlow[];
  /** Spans of the flows' traces; a trace retention deleted is simply absent. */
  traces: ReadonlyMap<string, readonly TraceSpan[]>;
  generatedAtMs: number;
}

export function endpointId(key: EndpointKey): string {
  return `ep-${hashText(`${key.service}\n${key.method} ${key.route}`)}`;
}

const endpointKeyText = (key: EndpointKey) => `${key.service}\n${key.method} ${key.route}`;

export function buildSystemModel(input: ModelInput): SystemModel {
  const exchanges: Exchange[] = [];
  const databaseCalls: DatabaseCall[] = [];
  const messages: MessageCall[] = [];
  const gapsByService = new Map<string, ServiceGaps>();
  const flowsOfTrace = new Map<string, Set<string>>();
  for (const flow of input.flows) {
    for (const traceId of flow.traceIds) {
      if (!input.traces.has(traceId)) continue;
      const set = flowsOfTrace.get(traceId) ?? new Set();
      set.add(flow.id);
      flowsOfTrace.set(traceId, set);
    }
  }
  for (const traceId of [...flowsOfTrace.keys()].sort()) {
    const read = readTraceExchanges(input.traces.get(traceId)!);
    exchanges.push(...read.exchanges);
    databaseCalls.push(...read.databaseCalls);
    messages.push(...read.messages);
    for (const [service, gaps] of read.gaps) {
      const total = gapsByService.get(service);
      if (!total) gapsByService.set(service, { ...gaps });
      else for (const k of Object.keys(gaps) as (keyof ServiceGaps)[]) total[k] += gaps[k];
    }
  }

  const groups = new Map<string, Exchange[]>();
  for (const exchange of exchanges) {
    const text = endpointKeyText(exchange);
    const list = groups.get(text) ?? [];
    list.push(exchange);
    groups.set(text, list);
  }
  const index = indexTraffic(input.flows, exchanges, databaseCalls, messages);
  const endpoints = [...groups.values()].map((group) => buildEndpoint(group, index, flowsOfTrace));
  endpoints.sort((a, b) => a.service.localeCompare(b.service) || a.route.localeCompare(b.route) || a.method.localeCompare(b.method));

  const dataFlow = findDataFlow(exchanges, endpointId);
  const entities = collectEntities({ endpoints, exchanges, databaseCalls, messages, dataFlow, endpointIdOf: endpointId });
  const services = buildServices(input.flows, endpoints, gapsByService);
  return {
    services,
    endpoints,
    entities,
    datastores: buildDatastores(databaseCalls),
    topics: buildTopics(messages),
    generatedAtMs: input.generatedAtMs,
    flowCount: input.flows.length,
    sampledTraceCount: flowsOfTrace.size,
  };
}

function countBy<T>(values: readonly T[]): { value: T; count: number }[] {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count }));
}

function parametersOf(samples: readonly Record<string, string>[]): ModelParameter[] {
  const names = new Set(samples.flatMap((s) => Object.keys(s)));
  return [...names].sort().map((name) => ({
    name,
    example: samples.find((s) => Object.hasOwn(s, name))?.[name] ?? null,
    required: samples.every((s) => Object.hasOwn(s, name)),
  }));
}

const isJson = (value: unknown) => value !== undefined && value !== null && typeof value === "object";

/** Lookups that keep the build linear in the number of spans. */
interface TrafficIndex {
  /** `service\nMETHOD route` → flows whose path has that endpoint. */
  flowsByEndpoint: Map<string, ModelFlow[]>;
  /** `traceId/spanId` of a caller → the endpoints it called. */
  calleesByCaller: Map<string, Exchange[]>;
  /** `service\nMETHOD route` of every flow's entry point. */
  entryPoints: Set<string>;
  /** Endpoint key text → database calls and messages made while serving it. */
  databaseByEndpoint: Map<string, DatabaseCall[]>;
  messagesByEndpoint: Map<string, MessageCall[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexTraffic(flows: readonly ModelFlow[], exchanges: readonly Exchange[], databaseCalls: readonly DatabaseCall[], messages: readonly MessageCall[]): TrafficIndex {
  const index: TrafficIndex = { flowsByEndpoint: new Map(), calleesByCaller: new Map(), databaseByEndpoint: new Map(), messagesByEndpoint: new Map(), entryPoints: new Set() };
  for (const flow of flows) {
    index.entryPoints.add(`${flow.entryService}\n${flow.entryOperation}`);
    const seen = new Set<string>();
    for (const node of flow.path) {
      if (node.type !== "api_endpoint") continue;
      const k = `${node.service}\n${node.identifier}`;
      if (!seen.has(k)) push(index.flowsByEndpoint, k, flow);
      seen.add(k);
    }
  }
  const bySpan = new Map(exchanges.map((e) => [`${e.traceId}/${e.spanId}`, e]));
  for (const e of exchanges) if (e.callerSpanId !== null) push(index.calleesByCaller, `${e.traceId}/${e.callerSpanId}`, e);
  const ownerText = (call: { traceId: string; ownerSpanId: string | null }) => {
    const owner = call.ownerSpanId === null ? undefined : bySpan.get(`${call.traceId}/${call.ownerSpanId}`);
    return owner ? endpointKeyText(owner) : null;
  };
  for (const call of databaseCalls) {
    const k = ownerText(call);
    if (k !== null) push(index.databaseByEndpoint, k, call);
  }
  for (const message of messages) {
    const k = ownerText(message);
    if (k !== null) push(index.messagesByEndpoint, k, message);
  }
  return index;
}

function buildEndpoint(group: readonly Exchange[], index: TrafficIndex, flowsOfTrace: ReadonlyMap<string, ReadonlySet<string>>): ModelEndpoint {
  const key: EndpointKey = { service: group[0].service, method: group[0].method, route: group[0].route };
  const id = endpointId(key);
  const identifier = `${key.method} ${key.route}`;
  // Exact figures from the flows' node statistics where the endpoint is a path node.
  let sketch = emptyDurationSketch();
  let callCount = 0;
  let errorCount = 0;
  const flowIds = new Set<string>();
  for (const flow of index.flowsByEndpoint.get(endpointKeyText(key)) ?? []) {
    flowIds.add(flow.id);
    const stat = flow.nodeStats.get(`api_endpoint:${identifier}`);
    if (!stat) continue;
    sketch = mergeDurationSketches(sketch, stat.durationSketch);
    callCount += stat.count;
    errorCount += stat.errorCount;
  }
  for (const e of group) for (const flowId of flowsOfTrace.get(e.traceId) ?? []) flowIds.add(flowId);
  if (callCount === 0) {
    // An RPC endpoint is not a path node: the sampled calls are all there is.
    sketch = sketchDurations(group.map((e) => e.durationMs));
    callCount = group.length;
    errorCount = group.filter((e) => e.hasError).length;
  }

  const pathValues = group.map((e) => (e.path ? matchRoutePath(key.route, e.path) : null)).filter((v): v is Record<string, string> => v !== null);
  const pathNames = nameParams(key.route);
  const pathParameters: ModelParameter[] = pathNames.map((name) => ({ name, example: pathValues.find((v) => v[name] !== undefined)?.[name] ?? null, required: true }));

  const requestSamples = group.map((e) => e.requestBody).filter(isJson);
  // The example is what a test sends to get the endpoint's usual answer: a request that
  // succeeded, never one that was refused (a sold-out order, an invalid body).
  const succeeded = group.filter((e) => e.status !== null && e.status < 400 && !e.hasError && isJson(e.requestBody));
  const requestExample = (succeeded[0] ?? group.find((e) => isJson(e.requestBody)))?.requestBody;
  const byStatus = new Map<number, Exchange[]>();
  for (const e of group) {
    if (e.status === null) continue;
    const list = byStatus.get(e.status) ?? [];
    list.push(e);
    byStatus.set(e.status, list);
  }
  const responses = [...byStatus]
    .sort(([a], [b]) => a - b)
    .map(([status, list]) => ({ status, count: list.length, schema: inferJsonSchemaFromSamples(list.map((e) => e.responseBody).filter(isJson)) }));

  const callees = group.flatMap((g) => index.calleesByCaller.get(`${g.traceId}/${g.spanId}`) ?? []);
  const downstreamEndpoints = countBy(callees.map((e) => endpointKeyText(e))).map(({ value, count }) => {
    const e = callees.find((c) => endpointKeyText(c) === value)!;
    return { endpointId: endpointId(e), service: e.service, method: e.method, route: e.route, count };
  });
  const dbGroups = new Map<string, DownstreamDatabase>();
  for (const call of index.databaseByEndpoint.get(endpointKeyText(key)) ?? []) {
    const op = call.operation;
    const name = op.namespace ?? op.system ?? "database";
    const k = `${op.system}\n${name}\n${op.operation}\n${op.tables.join(",")}`;
    const existing = dbGroups.get(k);
    if (existing) existing.count++;
    else dbGroups.set(k, { system: op.system ?? "unknown", name, operation: op.operation, tables: op.tables, writes: op.writes, count: 1 });
  }
  const topics = countBy((index.messagesByEndpoint.get(endpointKeyText(key)) ?? []).filter((m) => m.role === "produce").map((m) => m.topic)).map(({ value, count }) => ({ name: value, count }));

  const named = nameRouteOperation(key.method, key.route);
  return {
    id,
    ...key,
    openapiPath: key.route.startsWith("/") ? toOpenApiPath(key.route) : key.route,
    entryPoint: index.entryPoints.has(endpointKeyText(key)),
    callCount,
    sampleCount: group.length,
    statusCodes: countBy(group.map((e) => e.status).filter((s): s is number => s !== null)).sort((a, b) => a.value - b.value),
    pathParameters,
    queryParameters: parametersOf(group.map((e) => e.query)),
    headers: parametersOf(group.map((e) => e.headers)).map((h) => ({ ...h, required: false })),
    requestBody: inferJsonSchemaFromSamples(requestSamples),
    requestExample,
    responses,
    p50Ms: sketch.count > 0 ? round(durationQuantileMs(sketch, 0.5)) : null,
    p95Ms: sketch.count > 0 ? round(durationQuantileMs(sketch, 0.95)) : null,
    errorRate: callCount > 0 ? errorCount / callCount : 0,
    downstream: {
      endpoints: downstreamEndpoints.sort((a, b) => b.count - a.count || a.endpointId.localeCompare(b.endpointId)),
      databases: [...dbGroups.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      topics: topics.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    },
    flowIds: [...flowIds].sort(),
    entity: named ? { name: named.entity, operation: named.operation, idParameter: named.idParameter } : null,
    bodiesRecorded: { request: group.some((e) => e.requestBody !== undefined), response: group.some((e) => e.responseBody !== undefined) },
  };
}

function nameParams(route: string): string[] {
  if (!route.startsWith("/")) return [];
  return [...toOpenApiPath(route).matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

function buildServices(flows: readonly ModelFlow[], endpoints: readonly ModelEndpoint[], gaps: ReadonlyMap<string, ServiceGaps>): ModelService[] {
  const names = new Set<string>([...gaps.keys(), ...endpoints.map((e) => e.service)]);
  const instrumentation = assessInstrumentation(flows, gaps);
  return [...names].sort().map((name) => ({
    name,
    endpointIds: endpoints.filter((e) => e.service === name).map((e) => e.id),
    flowIds: flows.filter((f) => f.path.some((n) => n.service === name)).map((f) => f.id).sort(),
    instrumentation: instrumentation.get(name)!,
  }));
}

function buildDatastores(calls: readonly DatabaseCall[]): ModelDatastore[] {
  const stores = new Map<string, { system: string; name: string; services: Set<string>; tables: Map<string, { ops: Map<string, number>; writes: boolean }> }>();
  for (const call of calls) {
    const system = call.operation.system ?? "unknown";
    const name = call.operation.namespace ?? system;
    const k = `${system}\n${name}`;
    let store = stores.get(k);
    if (!store) stores.set(k, (store = { system, name, services: new Set(), tables: new Map() }));
    store.services.add(call.service);
    for (const table of call.operation.tables) {
      let t = store.tables.get(table);
      if (!t) store.tables.set(table, (t = { ops: new Map(), writes: false }));
      const op = call.operation.operation ?? call.operation.kind;
      t.ops.set(op, (t.ops.get(op) ?? 0) + 1);
      t.writes ||= call.operation.writes;
    }
  }
  return [...stores.values()]
    .map((s) => ({
      system: s.system,
      name: s.name,
      services: [...s.services].sort(),
      tables: [...s.tables]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, t]) => ({ name, writes: t.writes, operations: [...t.ops].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)) })),
    }))
    .sort((a, b) => a.system.localeCompare(b.system) || a.name.localeCompare(b.name));
}

function buildTopics(messages: readonly MessageCall[]): ModelTopic[] {
  const topics = new Map<string, { producers: Set<string>; consumers: Set<string> }>();
  for (const m of messages) {
    let t = topics.get(m.topic);
    if (!t) topics.set(m.topic, (t = { producers: new Set(), consumers: new Set() }));
    (m.role === "produce" ? t.producers : t.consumers).add(m.service);
  }
  return [...topics]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, t]) => ({ name, producers: [...t.producers].sort(), consumers: [...t.consumers].sort(), entity: nameTopicEntity(name)?.entity ?? null }));
}
