// Flowprint's own REST API as an OpenAPI 3.1 document, built from the operation registry. Pure:
// the same registry always gives the same document, so GET /api/openapi.json can be static.
import { z } from "zod";
import packageJson from "../../../package.json";
import { requestSchema, responseSchema, type JsonSchema } from "./json-schema";
import { errorResponse, type ApiOperation, type ApiResponse, type HttpMethod } from "./operation";
import { API_OPERATIONS } from "./registry";
import { accessSentence, SECURITY_SCHEMES, securityFor } from "./security";
import { SHARED_SCHEMAS } from "./shared-schemas";
import { TAGS } from "./tags";

export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
  [field: string]: unknown;
};

export type OpenApiOperation = {
  operationId: string;
  parameters: { name: string; in: "path" | "query" | "header"; required: boolean; schema: JsonSchema; description?: string }[];
  requestBody?: { required: boolean; description?: string; content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, unknown>;
  security: Record<string, string[]>[];
  [field: string]: unknown;
};

const DESCRIPTION = `Flowprint's REST API, generated from the zod schemas its route handlers parse with.

JSON fields are snake_case. Errors of /api/v1 are \`{"error": {"code", "message", "issues"?}}\`: 400 for invalid input (the field named in \`issues[].path\`), 404 for unknown resources. Someone without a role in a workspace gets 404 for it, not 403, so its name does not leak.

Request parameters and bodies are the input side of the routes' zod schemas (what a client sends, before defaults and transforms); checks JSON Schema cannot state (a webhook URL's rules, \`from\` before \`to\`) are enforced by the server all the same. Response bodies list the fields README documents; responses may carry more.`;

// The order the OpenAPI specification lists a path item's methods in.
const METHOD_ORDER: HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch"];

const WORKSPACE_ACCESS = new Set(["read", "write", "admin"]);

export function buildOpenApiDocument(operations: readonly ApiOperation[] = API_OPERATIONS): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  const operationIds = new Set<string>();
  for (const operation of operations) {
    if (operationIds.has(operation.operationId)) throw new Error(`operationId ${operation.operationId} is used twice.`);
    operationIds.add(operation.operationId);
    const item = (paths[operation.path] ??= {});
    if (item[operation.method]) throw new Error(`${operation.method.toUpperCase()} ${operation.path} is registered twice.`);
    item[operation.method] = buildOperation(operation);
  }
  for (const [path, item] of Object.entries(paths)) {
    paths[path] = Object.fromEntries(METHOD_ORDER.filter((m) => item[m]).map((m) => [m, item[m]]));
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: { title: "Flowprint API", version: packageJson.version, description: DESCRIPTION },
    // Relative: the document is right wherever this Flowprint is reached (any host, behind a proxy).
    servers: [{ url: "/", description: "This Flowprint" }],
    tags: TAGS.map((tag) => ({ ...tag })),
    paths,
    components: { schemas: SHARED_SCHEMAS, securitySchemes: SECURITY_SCHEMES },
  };
}

function buildOperation(operation: ApiOperation): OpenApiOperation {
  const description = [operation.description, accessSentence(operation.access)].filter(Boolean).join("\n\n");
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(description ? { description } : {}),
    tags: [operation.tag],
    "x-flowprint-access": operation.access,
    security: securityFor(operation.access),
    parameters: [...pathParameters(operation), ...queryParameters(operation), ...(operation.headers ?? []).map((h) => ({ ...h, in: "header" as const, required: h.required ?? false }))],
    ...(operation.body ? { requestBody: requestBody(operation.body) } : {}),
    responses: responses(operation),
  };
}

/** Every {name} of the path, typed by the zod object the handler parses them with. */
function pathParameters(operation: ApiOperation): OpenApiOperation["parameters"] {
  const names = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const properties: Record<string, JsonSchema> = operation.params ? objectOf(operation.params, operation).properties : {};
  const stray = Object.keys(properties).filter((name) => !names.includes(name));
  if (stray.length > 0) throw new Error(`${operation.operationId}: params ${stray.join(", ")} are not in the path ${operation.path}.`);
  return names.map((name) => ({ name, in: "path" as const, required: true, ...withDescription(properties[name] ?? { type: "string" }) }));
}

function queryParameters(operation: ApiOperation): OpenApiOperation["parameters"] {
  if (!operation.query) return [];
  const { properties, required } = objectOf(operation.query, operation);
  return Object.entries(properties).map(([name, schema]) => ({ name, in: "query" as const, required: required.includes(name), ...withDescription(schema) }));
}

/** A parameter's description sits beside its schema, not inside it. */
function withDescription(schema: JsonSchema): { schema: JsonSchema; description?: string } {
  const { description, ...rest } = schema;
  return typeof description === "string" ? { schema: rest, description } : { schema: rest };
}

/** The properties of an object schema; zod folds `.and()` of objects into one already. */
function objectOf(schema: z.ZodType, operation: ApiOperation): { properties: Record<string, JsonSchema>; required: string[] } {
  const json = requestSchema(schema);
  if (json.type !== "object" || typeof json.properties !== "object") throw new Error(`${operation.operationId}: parameters must come from a zod object, got ${JSON.stringify(json).slice(0, 120)}.`);
  return { properties: json.properties as Record<string, JsonSchema>, required: (json.required as string[] | undefined) ?? [] };
}

function requestBody(body: NonNullable<ApiOperation["body"]>): NonNullable<OpenApiOperation["requestBody"]> {
  if (!(body instanceof z.ZodType)) return { required: true, description: body.description, content: body.content };
  // readJsonBody reads an empty body as {}: the body is optional exactly when {} is accepted.
  return { required: !body.safeParse({}).success, content: { "application/json": { schema: requestSchema(body) } } };
}

function responses(operation: ApiOperation): Record<string, unknown> {
  const all: Record<number, ApiResponse> = { ...operation.responses };
  if (operation.errorShape === "own") return responseObjects(all);
  const inWorkspace = WORKSPACE_ACCESS.has(operation.access);
  const parsesInput = inWorkspace || operation.params || operation.query || operation.body instanceof z.ZodType;
  if (parsesInput) all[400] ??= errorResponse("Invalid input: `issues` name each bad field (code invalid_request), or a body that is not JSON (invalid_json).");
  if (operation.access !== "public" && operation.access !== "ingest-key") {
    all[401] ??= errorResponse("No valid session or API token (code unauthenticated).");
    all[403] ??= errorResponse("Too little role or scope, a token where a person is needed, or a cookie request from another site (forbidden, cross_site_request).");
  }
  if (inWorkspace) {
    const unknownWorkspace = "No such workspace, or the caller has no role in it.";
    all[404] = all[404] ? { ...all[404], description: `${all[404].description} Or: ${unknownWorkspace.toLowerCase()}` } : errorResponse(unknownWorkspace);
  }
  return responseObjects(all);
}

function responseObjects(all: Record<number, ApiResponse>): Record<string, unknown> {
  const ordered = Object.keys(all).map(Number).sort((a, b) => a - b);
  return Object.fromEntries(ordered.map((status) => [String(status), responseObject(all[status])]));
}

function responseObject(response: ApiResponse): Record<string, unknown> {
  const schema = response.json === undefined ? undefined : response.json instanceof z.ZodType ? responseSchema(response.json) : response.json;
  const content = response.content ?? (schema ? { "application/json": { schema } } : undefined);
  return { description: response.description, ...(response.headers ? { headers: response.headers } : {}), ...(content ? { content } : {}) };
}
