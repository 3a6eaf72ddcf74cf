// One service's endpoints as an OpenAPI 3.1 document: what the traffic showed, nothing
// guessed beyond it. No `servers`: the traces do not say where a user reaches the service.
import pluralize from "pluralize";
import type { EntityOperationKind, ModelEndpoint, ModelParameter, SystemModel } from "./model-types";
import { parseRouteTemplate } from "./route-template";

export type OpenApiDocument = Record<string, unknown>;

/** The methods a path item may hold, in the order the specification lists them. */
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** OpenAPI ignores header parameters of these names: the media types and security schemes say them. */
const RESERVED_HEADERS = new Set(["accept", "content-type", "authorization"]);

const STATUS_PATTERN = /^[1-5]\d\d$/;

// A table, not node's http.STATUS_CODES: this module is bundled for the browser too.
const REASON_PHRASES: Record<number, string> = {
  100: "Continue",
  101: "Switching Protocols",
  200: "OK",
  201: "Created",
  202: "Accepted",
  203: "Non-Authoritative Information",
  204: "No Content",
  206: "Partial Content",
  207: "Multi-Status",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  304: "Not Modified",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  411: "Length Required",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  416: "Range Not Satisfiable",
  422: "Unprocessable Content",
  423: "Locked",
  425: "Too Early",
  428: "Precondition Required",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  451: "Unavailable For Legal Reasons",
  499: "Client Closed Request",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

const VERBS: Record<EntityOperationKind, string> = {
  create: "Creates",
  read: "Reads",
  update: "Updates",
  delete: "Deletes",
  list: "Lists",
};

type Method = (typeof METHODS)[number];

interface PlacedOperation {
  path: string;
  method: Method;
  endpoint: ModelEndpoint;
  /** The endpoint's own path parameter names → the names of the path key it is filed under. */
  renames: Map<string, string>;
}

/** An OpenAPI 3.1.0 document of one service's endpoints as the model learned them from traffic. Throws nothing; a service with no endpoints gives a document with empty `paths`. */
export function buildOpenApi(model: SystemModel, service: string, options: { title?: string; version?: string } = {}): OpenApiDocument {
  const placed = placeOperations(model.endpoints.filter((e) => e.service === service));
  const operationIds = assignOperationIds(placed);

  const paths: Record<string, Record<string, unknown>> = {};
  placed.forEach((operation, index) => {
    paths[operation.path] ??= {};
    paths[operation.path][operation.method] = buildOperation(operation, operationIds[index], service);
  });

  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: options.title ?? `${service} (inferred by Flowprint)`,
      version: options.version ?? "0.0.0-inferred",
      description: describeSource(model),
    },
    tags: [{ name: service }],
    paths,
  };
}

function describeSource(model: SystemModel): string {
  const count = model.sampledTraceCount;
  const traces = `${count} sampled ${count === 1 ? "trace" : "traces"}`;
  const date = new Date(model.generatedAtMs);
  const when = Number.isNaN(date.getTime()) ? "" : ` on ${date.toISOString().slice(0, 10)}`;
  return `Inferred from ${traces}${when}; servers are left for you to fill in.`;
}

/**
 * Sorted operations, one per path and method. OpenAPI treats `/orders/{id}` and
 * `/orders/{orderId}` as the same path, so routes that differ only in parameter names are
 * filed under the busiest one's spelling, and a method seen under both keeps its busiest
 * endpoint.
 */
function placeOperations(endpoints: ModelEndpoint[]): PlacedOperation[] {
  const usable = endpoints
    .filter((e) => e.route.startsWith("/") && e.openapiPath.startsWith("/") && isMethod(e.method.toLowerCase()))
    .sort((a, b) => b.callCount - a.callCount || compareText(a.id, b.id));

  const keyByShape = new Map<string, string>();
  const byPathAndMethod = new Map<string, PlacedOperation>();
  for (const endpoint of usable) {
    const shape = endpoint.openapiPath.replace(/\{[^}]*\}/g, "{}");
    const path = keyByShape.get(shape) ?? endpoint.openapiPath;
    keyByShape.set(shape, path);
    const method = endpoint.method.toLowerCase() as Method;
    const slot = `${method} ${path}`;
    if (byPathAndMethod.has(slot)) continue;
    byPathAndMethod.set(slot, { path, method, endpoint, renames: renamesBetween(endpoint.openapiPath, path) });
  }
  return [...byPathAndMethod.values()].sort((a, b) => compareText(a.path, b.path) || METHODS.indexOf(a.method) - METHODS.indexOf(b.method));
}

function isMethod(method: string): method is Method {
  return (METHODS as readonly string[]).includes(method);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
}

function renamesBetween(own: string, filedUnder: string): Map<string, string> {
  const from = templateNames(own);
  const to = templateNames(filedUnder);
  return new Map(from.map((name, i) => [name, to[i] ?? name]));
}

/** `getApiV1OrdersById`; later operations with the same words get 2, 3... in document order. */
function assignOperationIds(operations: PlacedOperation[]): string[] {
  const bases = operations.map((o) => baseOperationId(o.method, o.path));
  const reserved = new Set(bases);
  const taken = new Set<string>();
  return bases.map((base) => {
    let id = base;
    // A suffixed id must not take the plain id of an operation further down.
    for (let n = 2; taken.has(id); n++) if (!reserved.has(`${base}${n}`)) id = `${base}${n}`;
    taken.add(id);
    return id;
  });
}

function baseOperationId(method: Method, path: string): string {
  const words: string[] = [];
  for (const segment of parseRouteTemplate(path)) {
    if (segment.kind === "param") words.push("by", ...splitWords(segment.name));
    else words.push(...splitWords(segment.text));
  }
  if (words.length === 0) words.push("root");
  return method + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
}

function splitWords(text: string): string[] {
  return text
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "")
    .map((w) => w.toLowerCase());
}

function buildOperation(placed: PlacedOperation, operationId: string, service: string): Record<string, unknown> {
  const { endpoint } = placed;
  const operation: Record<string, unknown> = {
    operationId,
    summary: summarize(endpoint),
    tags: [service],
  };
  const parameters = buildParameters(placed);
  if (parameters.length > 0) operation.parameters = parameters;
  if (endpoint.requestBody !== null) {
    const media: Record<string, unknown> = { schema: cloneJson(endpoint.requestBody) ?? {} };
    const example = endpoint.requestExample === null ? undefined : cloneJson(endpoint.requestExample);
    if (example !== undefined) media.example = example;
    operation.requestBody = { content: { "application/json": media } };
  }
  operation.responses = buildResponses(endpoint);
  operation["x-flowprint"] = {
    call_count: endpoint.callCount,
    p50_ms: endpoint.p50Ms,
    p95_ms: endpoint.p95Ms,
    error_rate: endpoint.errorRate,
    flow_ids: [...endpoint.flowIds],
  };
  return operation;
}

function summarize(endpoint: ModelEndpoint): string {
  const entity = endpoint.entity;
  if (entity?.operation) {
    const words = entity.name.replace(/[_-]+/g, " ").trim();
    if (words !== "") {
      const noun = entity.operation === "list" ? pluralize.plural(words) : `${article(words)} ${words}`;
      return `${VERBS[entity.operation]} ${noun}`;
    }
  }
  return `${endpoint.method.toUpperCase()} ${endpoint.route}`;
}

/** By sound, not letter: "a user", "an hour". */
function article(noun: string): string {
  const word = noun.toLowerCase();
  if (/^(hour|honest|heir|honou?r)/.test(word)) return "an";
  if (/^(uni|use|usa|usu|uti|ura|ure|uri|uro|uu|eu|one|once|ewe)/.test(word)) return "a";
  return /^[aeiou]/.test(word) ? "an" : "a";
}

function buildParameters(placed: PlacedOperation): Record<string, unknown>[] {
  const { endpoint, path, renames } = placed;
  const recordedPath = new Map<string, ModelParameter>();
  for (const p of endpoint.pathParameters) recordedPath.set(renames.get(p.name) ?? p.name, p);

  const parameters: Record<string, unknown>[] = [];
  // Every name in the template needs its parameter, recorded or not; recorded ones the
  // template lacks would be invalid and are left out.
  for (const name of new Set(templateNames(path))) {
    parameters.push(parameter(name, "path", true, recordedPath.get(name)?.example ?? null));
  }
  const seenQuery = new Set<string>();
  for (const p of endpoint.queryParameters) {
    if (p.name === "" || seenQuery.has(p.name)) continue;
    seenQuery.add(p.name);
    parameters.push(parameter(p.name, "query", p.required, p.example));
  }
  const seenHeaders = new Set<string>();
  for (const p of endpoint.headers) {
    const key = p.name.toLowerCase();
    if (p.name === "" || RESERVED_HEADERS.has(key) || seenHeaders.has(key)) continue;
    seenHeaders.add(key);
    parameters.push(parameter(p.name, "header", p.required, p.example));
  }
  return parameters;
}

function parameter(name: string, location: "path" | "query" | "header", required: boolean, example: string | null): Record<string, unknown> {
  const result: Record<string, unknown> = { name, in: location, required, schema: { type: "string" } };
  if (example !== null) result.example = example;
  return result;
}

function buildResponses(endpoint: ModelEndpoint): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  const sorted = [...endpoint.responses].sort((a, b) => a.status - b.status);
  for (const response of sorted) {
    const key = String(response.status);
    if (!STATUS_PATTERN.test(key)) continue;
    const existing = responses[key] as { content?: unknown } | undefined;
    if (existing && (existing.content !== undefined || response.schema === null)) continue;
    const entry: Record<string, unknown> = { description: REASON_PHRASES[response.status] ?? "Response" };
    if (response.schema !== null) entry.content = { "application/json": { schema: cloneJson(response.schema) ?? {} } };
    responses[key] = entry;
  }
  if (Object.keys(responses).length === 0) responses.default = { description: "No response recorded" };
  return responses;
}

/** A copy the caller may change without changing the model; undefined for what JSON cannot hold. */
function cloneJson(value: unknown): unknown {
  if (value === undefined) return undefined;
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
