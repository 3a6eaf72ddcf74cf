// GET /api/openapi.json: the document is valid OpenAPI 3.1, every route handler in app/ is in
// it (and nothing else is), each operation's access is the one its handler enforces, and its
// request schemas say what the zod schemas the routes parse with accept.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { flowsQuerySchema } from "@/lib/api/flows.schemas";
import { buildOpenApiDocument, type OpenApiOperation } from "@/lib/api/openapi/build-openapi-document";
import type { Access, ApiOperation, HttpMethod } from "@/lib/api/openapi/operation";
import { API_OPERATIONS } from "@/lib/api/openapi/registry";
import { telemetrySettingsPatchSchema } from "@/lib/api/settings.schemas";
import { accessOf } from "@/lib/api/workspace-route";
import { EXPORT_FORMATS, SETUP_MODES } from "@/lib/export/export-flow";
import { methodNotAllowed } from "@/lib/pipeline/receive-otlp-traces";
import { zipkinMethodNotAllowed } from "@/lib/pipeline/receive-zipkin-spans";

const APP = path.resolve(import.meta.dirname, "..", "app");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Exported handlers that are not operations of their own, and why. */
const NOT_OPERATIONS = new Map<unknown, string>([
  [methodNotAllowed, "the OTLP paths answer 405 (Allow: POST) to any other method; their POST operation says so"],
  [zipkinMethodNotAllowed, "Zipkin's collector path answers 405 (Allow: POST) to any other method; its POST operation says so"],
]);

/** The handler's access check each documented access stands for (lib/api/workspace-route.ts). */
const CHECK_OF: Record<Access, ReturnType<typeof accessOf>> = {
  read: "read",
  write: "write",
  admin: "admin",
  instance: "instance",
  "instance-admin": "instance",
  "signed-in-user": "instance",
  "ingest-key": undefined,
  public: undefined,
};

function files(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full, name);
    return entry.name === name ? [path.relative(APP, full)] : [];
  });
}

interface RouteFile {
  file: string;
  /** The OpenAPI path; for a catch-all ([...all]), the prefix of the paths it serves. */
  path: string;
  catchAll: boolean;
  handlers: Partial<Record<HttpMethod, unknown>>;
}

/** app/api/v1/workspaces/[workspaceId]/route.ts → /api/v1/workspaces/{workspaceId}; route groups (x) vanish. */
function openApiPathOf(file: string): { path: string; catchAll: boolean } {
  const segments = path.dirname(file).split(path.sep).filter((s) => !/^\(.+\)$/.test(s));
  const last = segments.at(-1) ?? "";
  if (/^\[\[?\.\.\..+\]\]?$/.test(last)) return { path: `/${segments.slice(0, -1).join("/")}/`, catchAll: true };
  return { path: `/${segments.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`, catchAll: false };
}

async function routeFiles(): Promise<RouteFile[]> {
  return Promise.all(
    files(APP, "route.ts").map(async (file) => {
      const routeModule = (await import(path.join(APP, file))) as Record<string, unknown>;
      const handlers = Object.fromEntries(
        METHODS.filter((m) => typeof routeModule[m] === "function" && !NOT_OPERATIONS.has(routeModule[m])).map((m) => [m.toLowerCase(), routeModule[m]]),
      );
      return { file, ...openApiPathOf(file), handlers };
    }),
  );
}

/** The route file serving a documented operation: its own path, else a catch-all above it. */
function routeOf(routes: RouteFile[], operation: ApiOperation): RouteFile | undefined {
  return (
    routes.find((r) => !r.catchAll && r.path === operation.path && operation.method in r.handlers) ??
    routes.find((r) => r.catchAll && operation.path.startsWith(r.path) && operation.method in r.handlers)
  );
}

const document = buildOpenApiDocument();
const documented = (method: HttpMethod, apiPath: string): OpenApiOperation => {
  const operation = document.paths[apiPath]?.[method];
  if (!operation) throw new Error(`${method.toUpperCase()} ${apiPath} is not in the document`);
  return operation;
};
const bodySchema = (operation: OpenApiOperation) => operation.requestBody?.content["application/json"]?.schema as { properties: Record<string, unknown>; required?: string[]; additionalProperties?: unknown };
const topLevelIssuePaths = (schema: z.ZodType, value: unknown) => new Set((schema.safeParse(value).error?.issues ?? []).filter((i) => i.code !== "unrecognized_keys").map((i) => String(i.path[0])));

describe("the OpenAPI document of Flowprint's API", () => {
  it("is a valid OpenAPI 3.1 document whose references all resolve", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(() => validator.resolveRefs()).not.toThrow();
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
    const components = document.components as { schemas: Record<string, unknown> };
    for (const ref of new Set(refs)) expect(components.schemas, ref).toHaveProperty(ref.replace("#/components/schemas/", ""));
  });

  it("is served by GET /api/openapi.json, with a relative server so it is right behind any host", async () => {
    const { GET } = await import("@/app/api/openapi.json/route");
    const response = GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
    expect(document.servers).toEqual([{ url: "/", description: "This Flowprint" }]);
  });

  it("documents every route handler in app/, and no operation without one", async () => {
    const routes = await routeFiles();
    expect(routes.length).toBeGreaterThan(50);
    const missing = routes.flatMap((route) =>
      Object.keys(route.handlers).flatMap((method) => {
        const found = route.catchAll
          ? API_OPERATIONS.some((op) => op.method === method && op.path.startsWith(route.path))
          : document.paths[route.path]?.[method as HttpMethod] !== undefined;
        return found ? [] : [`${method.toUpperCase()} ${route.catchAll ? `${route.path}*` : route.path} (app/${route.file}): add an entry to lib/api/openapi/operations/`];
      }),
    );
    expect(missing, "route handlers missing from the document").toEqual([]);
    const orphans = API_OPERATIONS.filter((op) => !routeOf(routes, op)).map((op) => `${op.method.toUpperCase()} ${op.path}`);
    expect(orphans, "documented operations with no route handler").toEqual([]);
  });

  it("gives each operation the access its handler enforces", async () => {
    const routes = await routeFiles();
    const wrong = API_OPERATIONS.flatMap((op) => {
      const actual = accessOf(routeOf(routes, op)?.handlers[op.method]);
      return actual === CHECK_OF[op.access] ? [] : [`${op.method.toUpperCase()} ${op.path}: documented ${op.access}, handler made with ${actual ?? "no check"}`];
    });
    expect(wrong).toEqual([]);
    expect(documented("get", "/api/health").security).toEqual([]);
    expect(documented("post", "/v1/traces").security).toEqual([{ ingestKey: [] }, {}]);
    expect(documented("post", "/api/v1/workspaces/{workspaceId}/members").security).toEqual([{ sessionCookie: [] }]);
    expect(documented("get", "/api/v1/workspaces/{workspaceId}/telemetry/flows").security).toEqual([{ sessionCookie: [] }, { apiToken: [] }]);
  });

  it("names the session cookie Better Auth sets and the errors' real shape", () => {
    const components = document.components as { securitySchemes: Record<string, { name?: string }>; schemas: Record<string, { properties: Record<string, { required?: string[] }> }> };
    expect(components.securitySchemes.sessionCookie.name).toBe("flowprint.session_token");
    expect(components.schemas.Error.properties.error.required).toEqual(["code", "message"]);
    const listFlows = documented("get", "/api/v1/workspaces/{workspaceId}/telemetry/flows");
    expect(Object.keys(listFlows.responses)).toEqual(["200", "400", "401", "403", "404"]);
  });

  it("takes the settings PUT body from the zod schema the route parses: the same fields, none required, no others", () => {
    const route = readFileSync(path.join(APP, "api/v1/workspaces/[workspaceId]/settings/telemetry/route.ts"), "utf8");
    expect(route).toContain("telemetrySettingsPatchSchema.parse(");
    const operation = documented("put", "/api/v1/workspaces/{workspaceId}/settings/telemetry");
    const schema = bodySchema(operation);
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(telemetrySettingsPatchSchema.shape).sort());
    expect(schema.required).toBeUndefined();
    expect(operation.requestBody?.required).toBe(false);
    expect(schema.additionalProperties).toBe(false);
    expect(telemetrySettingsPatchSchema.safeParse({ retention_dayz: 30 }).success).toBe(false);
  });

  it("takes the flows query from the zod schema the route parses, defaults and choices included", () => {
    const route = readFileSync(path.join(APP, "api/v1/workspaces/[workspaceId]/telemetry/flows/route.ts"), "utf8");
    expect(route).toContain("flowsQuerySchema.parse(");
    const parameters = documented("get", "/api/v1/workspaces/{workspaceId}/telemetry/flows").parameters;
    expect(parameters.filter((p) => p.in === "query").map((p) => p.name)).toEqual(Object.keys(flowsQuerySchema.shape));
    const sort = parameters.find((p) => p.name === "sort")!;
    expect(sort.schema).toMatchObject({ default: "risk_score", enum: flowsQuerySchema.shape.sort.removeDefault().options });
    expect(parameters.find((p) => p.name === "workspaceId")).toMatchObject({ in: "path", required: true, schema: { pattern: "^[A-Za-z0-9_-]{1,64}$" } });
  });

  it("describes the flow export's query with what the route's own schema accepts", () => {
    // The route declares its query schema in its own file; the registry rebuilds it.
    const route = readFileSync(path.join(APP, "api/v1/workspaces/[workspaceId]/telemetry/flows/[flowId]/export/route.ts"), "utf8");
    expect(route).toMatch(/format: z\.enum\(EXPORT_FORMATS\)\.default\("flowprint"\)/);
    expect(route).toMatch(/setup: z\.enum\(SETUP_MODES, \{[^}]*\}\)\.default\("auto"\)/);
    const query = documented("post", "/api/v1/workspaces/{workspaceId}/telemetry/flows/{flowId}/export").parameters.filter((p) => p.in === "query");
    expect(query.map((p) => [p.name, p.schema.default, p.schema.enum])).toEqual([
      ["format", "flowprint", [...EXPORT_FORMATS]],
      ["setup", "auto", [...SETUP_MODES]],
    ]);
  });

  // zod's JSON Schema and zod's parser are separate code: what the document calls required must
  // be what parsing an empty body or query refuses, and a closed body must refuse other fields.
  it.each(API_OPERATIONS.filter((op) => op.query || (op.body && "safeParse" in op.body)).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    "%s: required fields and closed bodies are what the zod schema enforces",
    (_name, op) => {
      const operation = documented(op.method, op.path);
      if (op.query) {
        const required = operation.parameters.filter((p) => p.in === "query" && p.required).map((p) => p.name);
        expect(topLevelIssuePaths(op.query, {})).toEqual(new Set(required));
      }
      if (op.body && "safeParse" in op.body) {
        const schema = bodySchema(operation);
        expect(topLevelIssuePaths(op.body, {})).toEqual(new Set(schema.required ?? []));
        const unknownRefused = op.body.safeParse({ not_a_field: 1 }).error?.issues.some((i) => i.code === "unrecognized_keys") ?? false;
        expect(schema.additionalProperties === false).toBe(unknownRefused);
      }
    },
  );

  it("uses only JSON Schema 2020-12 keywords (no OpenAPI 3.0 nullable)", () => {
    const KEYWORDS = new Set([
      "$ref", "$comment", "type", "enum", "const", "format", "pattern", "description", "default", "examples",
      "properties", "required", "additionalProperties", "propertyNames", "items", "prefixItems", "minItems", "maxItems",
      "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "anyOf", "oneOf", "allOf",
    ]);
    const strange: string[] = [];
    const walk = (schema: unknown, where: string): void => {
      if (typeof schema !== "object" || schema === null) return;
      const s = schema as Record<string, unknown>;
      for (const key of Object.keys(s)) if (!KEYWORDS.has(key)) strange.push(`${where}: ${key}`);
      for (const [name, sub] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) walk(sub, `${where}.${name}`);
      for (const key of ["items", "additionalProperties", "propertyNames"]) walk(s[key], `${where}[${key}]`);
      for (const key of ["anyOf", "oneOf", "allOf", "prefixItems"]) (s[key] as unknown[] | undefined)?.forEach((sub, i) => walk(sub, `${where}.${key}[${i}]`));
    };
    for (const [name, schema] of Object.entries((document.components as { schemas: Record<string, unknown> }).schemas)) walk(schema, name);
    for (const [apiPath, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${apiPath}`;
        for (const p of op.parameters) walk(p.schema, `${where} ${p.name}`);
        for (const media of Object.values(op.requestBody?.content ?? {})) walk(media.schema, `${where} body`);
        for (const [status, response] of Object.entries(op.responses as Record<string, { content?: Record<string, { schema?: unknown }>; headers?: Record<string, { schema: unknown }> }>)) {
          for (const media of Object.values(response.content ?? {})) walk(media.schema, `${where} ${status}`);
          for (const [header, spec] of Object.entries(response.headers ?? {})) walk(spec.schema, `${where} ${status} ${header}`);
        }
      }
    }
    expect(strange).toEqual([]);
  });
});
