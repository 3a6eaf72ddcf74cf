import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApi, type OpenApiDocument } from "./build-openapi";
import type { ModelEndpoint, ModelParameter, SystemModel } from "./model-types";
import { toOpenApiPath } from "./route-template";

const GENERATED_AT_MS = Date.UTC(2025, 2, 14, 9, 30);

function param(name: string, example: string | null, required = true): ModelParameter {
  return { name, example, required };
}

function endpoint(service: string, method: string, route: string, rest: Partial<ModelEndpoint> = {}): ModelEndpoint {
  return {
    id: `${service}:${method}:${route}`,
    service,
    method,
    route,
    openapiPath: toOpenApiPath(route),
    entryPoint: true,
    callCount: 10,
    sampleCount: 5,
    statusCodes: [{ value: 200, count: 10 }],
    pathParameters: [],
    queryParameters: [],
    headers: [],
    requestBody: null,
    requestExample: undefined,
    responses: [{ status: 200, count: 10, schema: null }],
    p50Ms: 12,
    p95Ms: 40,
    errorRate: 0,
    downstream: { endpoints: [], databases: [], topics: [] },
    flowIds: ["flow-a"],
    entity: null,
    bodiesRecorded: { request: false, response: false },
    ...rest,
  };
}

const orderSchema = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid", examples: ["3f1c…"] },
    email: { type: "string", format: "email" },
    placedAt: { type: "string", format: "date-time" },
    total: { type: ["number", "null"] },
  },
  required: ["id", "email"],
};

const ENDPOINTS: ModelEndpoint[] = [
  endpoint("orders", "GET", "/api/orders/:id", {
    callCount: 120,
    pathParameters: [param("id", "o-42")],
    queryParameters: [param("expand", "items", false)],
    headers: [param("x-tenant", "acme"), param("Content-Type", "application/json"), param("authorization", "Bearer x"), param("Accept", "*/*")],
    responses: [
      { status: 200, count: 100, schema: orderSchema },
      { status: 404, count: 15, schema: { type: "object", properties: { error: { type: "string" } } } },
      { status: 418, count: 5, schema: null },
    ],
    p50Ms: 8,
    p95Ms: 31.5,
    errorRate: 0.125,
    flowIds: ["flow-b", "flow-a"],
    entity: { name: "order", operation: "read", idParameter: "id" },
  }),
  endpoint("orders", "DELETE", "/api/orders/:id", {
    pathParameters: [param("id", "o-7")],
    responses: [{ status: 204, count: 3, schema: null }],
    entity: { name: "order", operation: "delete", idParameter: "id" },
  }),
  // The same path as `/api/orders/:id` to OpenAPI, spelled with another parameter name.
  endpoint("orders", "PATCH", "/api/orders/{orderId}", {
    callCount: 4,
    pathParameters: [param("orderId", "o-9")],
    requestBody: { type: "object", properties: { status: { type: "string", enum: ["paid", "shipped"] } } },
    requestExample: { status: "paid" },
    entity: { name: "order", operation: "update", idParameter: "orderId" },
  }),
  endpoint("orders", "POST", "/api/orders", {
    requestBody: orderSchema,
    requestExample: { id: "o-1", email: "ada@example.com", placedAt: "2025-03-14T09:00:00Z", total: 12.5 },
    responses: [
      { status: 201, count: 8, schema: orderSchema },
      { status: 422, count: 2, schema: { type: "object" } },
      { status: 0, count: 1, schema: null },
    ],
    entity: { name: "order", operation: "create", idParameter: null },
  }),
  endpoint("orders", "GET", "/api/orders", {
    queryParameters: [param("page", "2", false), param("status", "paid", true)],
    entity: { name: "order", operation: "list", idParameter: null },
  }),
  // The model recorded no path parameter for this route: the document still needs one.
  endpoint("orders", "GET", "/api/customers/:customerId/orders", { entity: { name: "line_item", operation: "list", idParameter: null } }),
  // Two routes whose words give the same operationId.
  endpoint("orders", "GET", "/api/order-items", { responses: [] }),
  endpoint("orders", "GET", "/api/order/items"),
  endpoint("orders", "GET", "/api/products/[productId]", {
    pathParameters: [param("productId", "9SIQT8TOJO")],
    entity: { name: "user", operation: "read", idParameter: "productId" },
  }),
  endpoint("orders", "CONNECT", "/api/tunnel"),
  endpoint("orders", "_OTHER", "/api/strange"),
  endpoint("orders", "POST", "oteldemo.CartService/AddItem"),
  endpoint("payments", "POST", "/api/payments", { requestBody: { type: "object" } }),
];

function model(endpoints: ModelEndpoint[] = ENDPOINTS): SystemModel {
  return {
    services: [],
    endpoints,
    entities: [],
    datastores: [],
    topics: [],
    generatedAtMs: GENERATED_AT_MS,
    flowCount: 3,
    sampledTraceCount: 57,
  };
}

async function validate(doc: OpenApiDocument): Promise<{ valid: boolean; errors?: unknown }> {
  return new Validator().validate(doc);
}

async function expectValid(doc: OpenApiDocument): Promise<void> {
  const result = await validate(doc);
  expect(result.errors, JSON.stringify(result.errors, null, 2)).toBeUndefined();
  expect(result.valid).toBe(true);
  // The schema of OpenAPI cannot say that every `{name}` of a path has its parameter.
  expect(templatedWithoutParameter(doc)).toEqual([]);
}

type Operation = {
  operationId: string;
  summary: string;
  tags: string[];
  parameters?: { name: string; in: string; required: boolean; schema: unknown; example?: string }[];
  requestBody?: { content: Record<string, { schema: unknown; example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
  "x-flowprint": unknown;
};

function pathsOf(doc: OpenApiDocument): Record<string, Record<string, Operation>> {
  return doc.paths as Record<string, Record<string, Operation>>;
}

function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.values(pathsOf(doc)).flatMap((item) => Object.values(item));
}

/** `GET /a/{id}: id` for each template name an operation has no path parameter for. */
function templatedWithoutParameter(doc: OpenApiDocument): string[] {
  const gaps: string[] = [];
  for (const [path, item] of Object.entries(pathsOf(doc))) {
    for (const [method, operation] of Object.entries(item)) {
      for (const [, name] of path.matchAll(/\{([^}]*)\}/g)) {
        const found = operation.parameters?.some((p) => p.in === "path" && p.name === name && p.required === true);
        if (!found) gaps.push(`${method.toUpperCase()} ${path}: ${name}`);
      }
    }
  }
  return gaps;
}

describe("buildOpenApi", () => {
  const doc = buildOpenApi(model(), "orders");
  const paths = pathsOf(doc);

  it("is a valid OpenAPI 3.1 document", async () => {
    await expectValid(doc);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("names the service and the evidence, and leaves servers out", () => {
    expect(doc.info).toEqual({
      title: "orders (inferred by Flowprint)",
      version: "0.0.0-inferred",
      description: "Inferred from 57 sampled traces on 2025-03-14; servers are left for you to fill in.",
    });
    expect(doc).not.toHaveProperty("servers");
    const titled = buildOpenApi(model(), "orders", { title: "Orders API", version: "2.1.0" });
    expect(titled.info).toMatchObject({ title: "Orders API", version: "2.1.0" });
  });

  it("holds the service's HTTP routes only, sorted, methods in the specification's order", () => {
    expect(Object.keys(paths)).toEqual([
      "/api/customers/{customerId}/orders",
      "/api/order-items",
      "/api/order/items",
      "/api/orders",
      "/api/orders/{id}",
      "/api/products/{productId}",
    ]);
    expect(Object.keys(paths["/api/orders"])).toEqual(["get", "post"]);
    expect(Object.keys(paths["/api/orders/{id}"])).toEqual(["get", "delete", "patch"]);
    expect(JSON.stringify(doc)).not.toContain("payments");
  });

  it("gives each operation a unique camelCase id from its method and path", () => {
    const ids = operationsOf(doc).map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(paths["/api/orders/{id}"].get.operationId).toBe("getApiOrdersById");
    expect(paths["/api/customers/{customerId}/orders"].get.operationId).toBe("getApiCustomersByCustomerIdOrders");
    expect(paths["/api/order-items"].get.operationId).toBe("getApiOrderItems");
    expect(paths["/api/order/items"].get.operationId).toBe("getApiOrderItems2");
  });

  it("never gives a suffixed id that another operation has as its own", () => {
    const routes = ["/a-b", "/a/b", "/a-b2", "/"];
    const small = buildOpenApi(model(routes.map((route) => endpoint("orders", "GET", route))), "orders");
    const ids = Object.fromEntries(Object.entries(pathsOf(small)).map(([path, item]) => [path, item.get.operationId]));
    expect(ids).toEqual({ "/": "getRoot", "/a-b": "getAB", "/a-b2": "getAB2", "/a/b": "getAB3" });
  });

  it("summarizes by entity when the model named one, else by method and route", () => {
    expect(paths["/api/orders/{id}"].get.summary).toBe("Reads an order");
    expect(paths["/api/orders"].get.summary).toBe("Lists orders");
    expect(paths["/api/orders"].post.summary).toBe("Creates an order");
    expect(paths["/api/customers/{customerId}/orders"].get.summary).toBe("Lists line items");
    expect(paths["/api/products/{productId}"].get.summary).toBe("Reads a user");
    expect(paths["/api/order/items"].get.summary).toBe("GET /api/order/items");
    expect(paths["/api/orders"].get.tags).toEqual(["orders"]);
  });

  it("lists path, query and header parameters with their examples, without the headers OpenAPI reserves", () => {
    expect(paths["/api/orders/{id}"].get.parameters).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "string" }, example: "o-42" },
      { name: "expand", in: "query", required: false, schema: { type: "string" }, example: "items" },
      { name: "x-tenant", in: "header", required: true, schema: { type: "string" }, example: "acme" },
    ]);
    expect(paths["/api/orders"].get.parameters?.map((p) => [p.name, p.required])).toEqual([
      ["page", false],
      ["status", true],
    ]);
    expect(paths["/api/products/{productId}"].get.parameters).toEqual([{ name: "productId", in: "path", required: true, schema: { type: "string" }, example: "9SIQT8TOJO" }]);
  });

  it("adds the path parameter a route needs when the model recorded none", () => {
    expect(paths["/api/customers/{customerId}/orders"].get.parameters).toEqual([{ name: "customerId", in: "path", required: true, schema: { type: "string" } }]);
  });

  it("files a route that differs only in parameter names under the same path, its parameter renamed", () => {
    const patch = paths["/api/orders/{id}"].patch;
    expect(patch.summary).toBe("Updates an order");
    expect(patch.parameters).toEqual([{ name: "id", in: "path", required: true, schema: { type: "string" }, example: "o-9" }]);
  });

  it("describes request bodies with their schema, formats and examples kept, and a recorded example", () => {
    const post = paths["/api/orders"].post;
    expect(post.requestBody).toEqual({
      content: {
        "application/json": {
          schema: orderSchema,
          example: { id: "o-1", email: "ada@example.com", placedAt: "2025-03-14T09:00:00Z", total: 12.5 },
        },
      },
    });
    expect(paths["/api/orders/{id}"].get).not.toHaveProperty("requestBody");
  });

  it("keys responses by status with reason phrases, and says when none was recorded", () => {
    const get = paths["/api/orders/{id}"].get;
    expect(Object.keys(get.responses)).toEqual(["200", "404", "418"]);
    expect(get.responses["200"]).toEqual({ description: "OK", content: { "application/json": { schema: orderSchema } } });
    expect(get.responses["404"].description).toBe("Not Found");
    expect(get.responses["418"]).toEqual({ description: "Response" });
    expect(paths["/api/orders/{id}"].delete.responses).toEqual({ "204": { description: "No Content" } });
    expect(Object.keys(paths["/api/orders"].post.responses)).toEqual(["201", "422"]);
    expect(paths["/api/order-items"].get.responses).toEqual({ default: { description: "No response recorded" } });
  });

  it("carries the traffic's numbers in x-flowprint", () => {
    expect(paths["/api/orders/{id}"].get["x-flowprint"]).toEqual({ call_count: 120, p50_ms: 8, p95_ms: 31.5, error_rate: 0.125, flow_ids: ["flow-b", "flow-a"] });
  });

  it("is the same document whatever the order of the model's endpoints", () => {
    const reversed = buildOpenApi(model([...ENDPOINTS].reverse()), "orders");
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(doc));
  });

  it("shares nothing with the model", () => {
    const copy = buildOpenApi(model(), "orders");
    (pathsOf(copy)["/api/orders"].post.requestBody!.content["application/json"].schema as { type: string }).type = "string";
    expect(orderSchema.type).toBe("object");
  });

  it("gives a valid document with empty paths for a service without endpoints, and never throws on a bad date", async () => {
    const empty = buildOpenApi({ ...model([]), generatedAtMs: Number.NaN, sampledTraceCount: 1 }, "ghost");
    expect(empty.paths).toEqual({});
    expect((empty.info as { description: string }).description).toBe("Inferred from 1 sampled trace; servers are left for you to fill in.");
    await expectValid(empty);
  });
});

describe("the validity check", () => {
  it("fails a document whose path parameter is optional", async () => {
    const doc = buildOpenApi(model(), "orders");
    const parameters = pathsOf(doc)["/api/orders/{id}"].get.parameters!;
    parameters[0] = { ...parameters[0], required: false };
    const result = await validate(doc);
    expect(result.valid).toBe(false);
    expect(JSON.stringify(result.errors)).toContain("/paths/~1api~1orders~1{id}/get/parameters/0/required");
  });

  it("fails a document whose path has no parameter for a template name", () => {
    const doc = buildOpenApi(model(), "orders");
    delete pathsOf(doc)["/api/orders/{id}"].delete.parameters;
    expect(templatedWithoutParameter(doc)).toEqual(["DELETE /api/orders/{id}: id"]);
  });
});
