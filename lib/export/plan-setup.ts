// Setup steps for an exported test: when its trigger takes an entity id (a path parameter, an
// id field of its body) and the model knows the endpoint that creates that entity, the test
// first creates one and uses the id it gets back instead of the id recorded in production,
// which a fresh deployment does not have. Dependencies of the creating request resolve the
// same way, up to MAX_SETUP_DEPTH; whatever cannot be resolved is said, never guessed.
import { nameIdField, nameRouteParameters, withArticle } from "../model/name-entity";
import type { ModelEndpoint, ModelEntity, SystemModel } from "../model/model-types";
import { parseRouteTemplate } from "../model/route-template";
import type { FlowprintRequest, FlowprintTest } from "./flowprint-test.schema";
import { stepId } from "./step-id";

export const MAX_SETUP_DEPTH = 3;

/** A remark at a place in the file: rendered as a YAML comment there and listed as a warning. */
export interface ExportNote {
  path: (string | number)[];
  message: string;
}

export interface PlannedSetup {
  test: FlowprintTest;
  notes: ExportNote[];
}

interface Reference {
  entity: string;
  /** The recorded value the request carries. */
  value: string;
  /** Replaces the value in the request with a placeholder. */
  replace(placeholder: string): void;
  /** Where the reference sits, for notes. */
  path: (string | number)[];
  describe: string;
  /** The URL variable that held the value, no longer needed once replaced. */
  variable?: string;
}

const PLACEHOLDER = /^\{\{[^}]+\}\}$/;

/** Id fields of a body, with setters: `customerId`, `items[0].productId`. */
function bodyReferences(body: unknown, path: (string | number)[], describePrefix: string, depth = 0): Reference[] {
  if (body === null || typeof body !== "object" || depth > 6) return [];
  const entries: [string | number, unknown][] = Array.isArray(body) ? body.map((v, i) => [i, v]) : Object.entries(body);
  return entries.flatMap(([key, value]) => {
    if (value !== null && typeof value === "object") return bodyReferences(value, [...path, key], `${describePrefix}.${key}`, depth + 1);
    const entity = typeof key === "string" ? nameIdField(key) : null;
    if (!entity || (typeof value !== "string" && typeof value !== "number") || PLACEHOLDER.test(String(value))) return [];
    return [
      {
        entity,
        value: String(value),
        path: [...path, key],
        describe: `${describePrefix}.${key}`,
        replace: (placeholder: string) => {
          (body as Record<string | number, unknown>)[key] = placeholder;
        },
      },
    ];
  });
}

/** Path parameters of the request that identify an entity, read from its URL template. */
function urlReferences(request: FlowprintRequest, route: string, variables: Record<string, string | number | boolean>, path: (string | number)[]): Reference[] {
  const entities = nameRouteParameters(route);
  const references: Reference[] = [];
  for (const segment of parseRouteTemplate(route)) {
    if (segment.kind !== "param") continue;
    const entity = entities.get(segment.name);
    const variable = segment.name.replace(/[^A-Za-z0-9_]/g, "_").toLowerCase();
    const token = `{{${variable}}}`;
    if (!entity || !request.url.includes(token)) continue;
    const value = variables[variable];
    if (value === undefined || value === "") continue;
    references.push({
      entity,
      value: String(value),
      path: [...path, "url"],
      describe: `path parameter ${segment.name}`,
      variable,
      replace: (placeholder) => {
        request.url = request.url.replace(token, placeholder);
      },
    });
  }
  return references;
}

function creatorOf(entity: ModelEntity, model: SystemModel, preferService: string, exclude: string | null): { endpoint: ModelEndpoint; idField: string | null } | null {
  const create = entity.operations.find((o) => o.kind === "create");
  const candidates = (create?.endpointIds ?? [])
    .map((id) => model.endpoints.find((e) => e.id === id))
    .filter((e): e is ModelEndpoint => e !== undefined && e.id !== exclude && e.entity?.name === entity.name);
  if (candidates.length === 0) return null;
  // The trigger's own service first: the test reaches it at base_url.
  const endpoint = candidates.find((e) => e.service === preferService) ?? candidates[0];
  const observed = entity.dataFlow.find((d) => d.producerEndpointId === endpoint.id && d.producedAt.startsWith("body."));
  if (observed) return { endpoint, idField: observed.producedAt.slice("body.".length) };
  if (entity.creator?.endpointId === endpoint.id) return { endpoint, idField: entity.creator.idField };
  const success = endpoint.responses.find((r) => r.status >= 200 && r.status < 300 && r.schema);
  const properties = (success?.schema?.properties ?? {}) as Record<string, unknown>;
  return { endpoint, idField: Object.hasOwn(properties, "id") ? "id" : null };
}

function successStatus(endpoint: ModelEndpoint): number | undefined {
  return endpoint.statusCodes.filter((s) => s.value >= 200 && s.value < 300).sort((a, b) => b.count - a.count)[0]?.value;
}

/** A concrete URL path for the creator from its route and a recorded example of each parameter. */
function examplePath(endpoint: ModelEndpoint): string | null {
  const parts: string[] = [];
  for (const segment of parseRouteTemplate(endpoint.route)) {
    if (segment.kind === "static") parts.push(segment.text);
    else {
      const example = endpoint.pathParameters.find((p) => p.name === segment.name)?.example;
      if (example === null || example === undefined) return null;
      parts.push(encodeURIComponent(example));
    }
  }
  return "/" + parts.join("/");
}

export function planSetup(test: FlowprintTest, model: SystemModel, trigger: { service: string; method: string; route: string }): PlannedSetup {
  const planned = structuredClone(test);
  const notes: ExportNote[] = [];
  const setup: FlowprintRequest[] = [];
  const usedIds = new Set([planned.trigger.id, ...planned.steps.map((s) => s.id)]);
  const variables = planned.variables;
  const triggerEndpoint = model.endpoints.find((e) => e.service === trigger.service && e.method === trigger.method && e.route === trigger.route) ?? null;
  /** entity → the step that creates it, so one order serves every reference to it. */
  const created = new Map<string, { stepId: string; idField: string }>();

  const resolve = (reference: Reference, chain: string[], requester: ModelEndpoint | null): string | null => {
    const existing = created.get(reference.entity);
    if (existing) return `{{${existing.stepId}.body.${existing.idField}}}`;
    if (chain.includes(reference.entity)) {
      notes.push({ path: reference.path, message: `${reference.describe}: creating ${withArticle(reference.entity)} needs ${withArticle(chain.at(-1)!)} first and the other way round (${[...chain, reference.entity].join(" → ")}); the recorded ${reference.value} is kept.` });
      return null;
    }
    if (chain.length >= MAX_SETUP_DEPTH) {
      notes.push({ path: reference.path, message: `${reference.describe}: the ${reference.entity} is more than ${MAX_SETUP_DEPTH} creations deep; the recorded ${reference.value} is kept and must exist where the test runs.` });
      return null;
    }
    const entity = model.entities.find((e) => e.name === reference.entity);
    const creator = entity ? creatorOf(entity, model, trigger.service, requester?.id ?? null) : null;
    if (!creator) {
      notes.push({ path: reference.path, message: `${reference.describe}: no endpoint was seen creating ${withArticle(reference.entity)}; the recorded ${reference.value} is kept and must exist where the test runs.` });
      return null;
    }
    const { endpoint, idField } = creator;
    if (idField === null) {
      notes.push({ path: reference.path, message: `${reference.describe}: ${endpoint.method} ${endpoint.route} creates ${withArticle(reference.entity)}, but no recorded response showed where its id is (record http.response.body); the recorded ${reference.value} is kept.` });
      return null;
    }
    const path = examplePath(endpoint);
    if (path === null) {
      notes.push({ path: reference.path, message: `${reference.describe}: ${endpoint.method} ${endpoint.route} creates ${withArticle(reference.entity)}, but none of its requests was recorded with a path; the recorded ${reference.value} is kept.` });
      return null;
    }
    let id = stepId(`setup create ${reference.entity}`);
    for (let n = 2; usedIds.has(id); n++) id = `${stepId(`setup create ${reference.entity}`)}_${n}`;
    usedIds.add(id);
    const headers = Object.fromEntries(endpoint.headers.filter((h) => h.example !== null).map((h) => [h.name, h.example!]));
    const body = endpoint.requestExample === undefined ? undefined : structuredClone(endpoint.requestExample);
    const status = successStatus(endpoint);
    const request: FlowprintRequest = {
      id,
      name: `create ${withArticle(reference.entity)}: ${endpoint.method} ${endpoint.route}`,
      method: endpoint.method as FlowprintRequest["method"],
      url: `{{base_url}}${path}`,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(body !== undefined ? { body } : {}),
      ...(status !== undefined ? { expect: { status } } : {}),
    };
    setup.push(request);
    if (endpoint.service !== trigger.service) {
      notes.push({ path: ["setup", id, "url"], message: `${reference.entity}s are created by ${endpoint.service}, which this test reaches at base_url; change the URL if ${endpoint.service} is served elsewhere.` });
    }
    if (body === undefined && ["POST", "PUT", "PATCH"].includes(endpoint.method)) {
      notes.push({ path: ["setup", id], message: `the body of ${endpoint.method} ${endpoint.route} was not recorded; this step sends none. Record http.request.body or add a body:.` });
    }
    // What the creating request itself refers to, created before it.
    const nested = [...(body !== undefined ? bodyReferences(body, ["setup", id, "body"], `setup ${id} body`) : [])];
    for (const inner of nested) {
      const placeholder = resolve(inner, [...chain, reference.entity], endpoint);
      if (placeholder) inner.replace(placeholder);
    }
    // Dependencies were pushed after this step: move it after them.
    setup.splice(setup.indexOf(request), 1);
    setup.push(request);
    created.set(reference.entity, { stepId: id, idField });
    return `{{${id}.body.${idField}}}`;
  };

  // A request recorded answering 404 is about an entity that does not exist: creating one
  // would test another case.
  const expectsAbsence = planned.trigger.expect?.status === 404 || planned.trigger.expect?.status === 410;
  const references = [
    ...(expectsAbsence ? [] : urlReferences(planned.trigger, trigger.route, variables, ["trigger"])),
    ...bodyReferences(planned.trigger.body, ["trigger", "body"], "trigger body"),
  ];
  // The trigger that creates an entity needs no other one of the same kind to exist first.
  const createsItself = triggerEndpoint?.entity?.operation === "create" ? triggerEndpoint.entity.name : null;
  for (const reference of references) {
    if (reference.entity === createsItself) continue;
    const placeholder = resolve(reference, [], triggerEndpoint);
    if (!placeholder) continue;
    reference.replace(placeholder);
    const variable = reference.variable;
    if (variable && !JSON.stringify([planned.trigger, planned.steps]).includes(`{{${variable}}}`)) delete variables[variable];
  }
  planned.setup = setup;
  // Notes name setup steps by id while steps still move behind their dependencies; now the order is final.
  const located = notes.map((n) => (n.path[0] === "setup" && typeof n.path[1] === "string" ? { ...n, path: ["setup", setup.findIndex((step) => step.id === n.path[1]), ...n.path.slice(2)] } : n));
  return { test: planned, notes: located };
}
