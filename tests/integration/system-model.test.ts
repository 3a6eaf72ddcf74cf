// The system model through the running app, from real OTLP of the official SDK: a shop whose
// orders are created (bodies recorded) and read back by id in later traces. Checks the model
// API, the OpenAPI document (validated by a maintained OpenAPI validator) and a flow export
// that creates its own order first; on SQLite and, when TEST_DATABASE_URL is set, PostgreSQL.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { context, SpanKind, trace } from "@opentelemetry/api";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { completeTraces } from "../../e2e/support/complete-traces";
import { loadFlowprintTest } from "../../lib/export/load-flowprint-test";
import { startApp, tempPostgresUrl, type AppServer } from "../support/app-server";
import { sdkClient } from "../support/otel-sdk";

async function sendShop(baseUrl: string, workspace: string): Promise<void> {
  const client = sdkClient({ baseUrl, format: "protobuf", service: "shop", headers: { "X-Workspace-ID": workspace } });
  const ids: string[] = [];
  const http = (method: string, route: string, path: string, status: number, bodies: { request?: unknown; response?: unknown }, startMs: number) =>
    client.tracer.startSpan(`${method} ${route}`, {
      kind: SpanKind.SERVER,
      startTime: startMs,
      attributes: {
        "http.request.method": method,
        "http.route": route,
        "url.path": path,
        "url.scheme": "http",
        "server.address": "127.0.0.1",
        "server.port": 4555,
        "http.response.status_code": status,
        ...(bodies.request !== undefined ? { "http.request.body": JSON.stringify(bodies.request) } : {}),
        ...(bodies.response !== undefined ? { "http.response.body": JSON.stringify(bodies.response) } : {}),
      },
    });
  const sql = (parent: ReturnType<typeof http>, statement: string, startMs: number) =>
    client.tracer.startSpan("query", { kind: SpanKind.CLIENT, startTime: startMs, attributes: { "db.system.name": "postgresql", "db.namespace": "shop", "db.query.text": statement } }, trace.setSpan(context.active(), parent)).end(startMs + 2);
  const t0 = Date.now() - 10_000;
  for (let i = 0; i < 3; i++) {
    const id = `ord-${1000 + i}`;
    const create = http("POST", "/api/orders", "/api/orders", 201, { request: { customerId: "cust-7", items: [{ sku: "sku-100", quantity: 1 + i }] }, response: { id, createdAt: "2026-12-05T10:00:00Z" } }, t0 + i * 1000);
    sql(create, "INSERT INTO orders (id, customer_id) VALUES ($1, $2)", t0 + i * 1000 + 1);
    create.end(t0 + i * 1000 + 20);
    ids.push(create.spanContext().traceId);
    const read = http("GET", "/api/orders/:id", `/api/orders/${id}`, 200, { response: { id, status: "placed" } }, t0 + i * 1000 + 500);
    sql(read, "SELECT * FROM orders WHERE id = $1", t0 + i * 1000 + 501);
    read.end(t0 + i * 1000 + 510);
    ids.push(read.spanContext().traceId);
  }
  await client.flush();
  await client.shutdown();
  await completeTraces(baseUrl, workspace, ids);
}

describe.each([
  ["SQLite", async () => undefined],
  ["PostgreSQL", tempPostgresUrl],
] as const)("the system model on %s", (store, database) => {
  let app: AppServer | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  const workspace = "model";

  beforeAll(async () => {
    const temp = await database();
    if (store === "PostgreSQL" && !temp) return;
    dropDatabase = temp?.drop;
    app = await startApp(temp ? { databaseUrl: temp.url } : {});
    await sendShop(app.baseUrl, workspace);
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await dropDatabase?.();
  });
  const api = (path: string, init?: RequestInit) => fetch(`${app!.baseUrl}/api/v1/workspaces/${workspace}${path}`, init);

  it("answers with endpoints, entities and the data flow between them", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const response = await api("/model");
    expect(response.status).toBe(200);
    const model = await response.json();
    expect(model.generated_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(model.endpoints.map((e: { method: string; route: string }) => `${e.method} ${e.route}`)).toEqual(["POST /api/orders", "GET /api/orders/:id"]);
    const create = model.endpoints[0];
    // Recorded bodies keep their own field names; the model's are snake_case.
    expect(create.request_body.properties.customerId.type).toBe("string");
    expect(create.request_body.required).toEqual(["customerId", "items"]);
    expect(create.request_example).toEqual({ customerId: "cust-7", items: [{ sku: "sku-100", quantity: expect.any(Number) }] });
    expect(create.downstream.databases).toEqual([{ system: "postgresql", name: "shop", operation: "INSERT", tables: ["orders"], writes: true, count: 3 }]);
    const order = model.entities.find((e: { name: string }) => e.name === "order");
    expect(order.operations.map((o: { kind: string }) => o.kind)).toEqual(["create", "read"]);
    expect(order.data_flow).toEqual([expect.objectContaining({ produced_at: "body.id", consumed_at: "path.id", count: 3, across_traces: true })]);
    expect(order.creator).toEqual({ endpoint_id: create.id, id_field: "id" });
    expect(model.entities.map((e: { name: string }) => e.name)).toEqual(["customer", "order"]);

    const one = await (await api(`/model/endpoints/${create.id}`)).json();
    expect(one.flows).toEqual([{ id: expect.any(String), name: "shop → POST /api/orders" }]);
    const entity = await (await api("/model/entities/order")).json();
    expect(entity.endpoints.map((e: { operation: string }) => e.operation)).toEqual(["create", "read"]);
    const missing = await api("/model/entities/spaceship");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
    expect((await api("/model/endpoints/not-an-id")).status).toBe(400);
  });

  it("serves each service's OpenAPI 3.1 document as JSON or YAML, valid by a maintained validator", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const json = await api("/model/openapi?service=shop");
    expect(json.status).toBe(200);
    expect(json.headers.get("content-disposition")).toContain("shop.openapi.json");
    const document = await json.json();
    const result = await new Validator().validate(document);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(document.paths)).toEqual(["/api/orders", "/api/orders/{id}"]);
    const yaml = await api("/model/openapi?service=shop", { headers: { accept: "application/yaml" } });
    expect(yaml.headers.get("content-type")).toContain("application/yaml");
    expect(parse(await yaml.text())).toEqual(document);
    const bad = await api("/model/openapi");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("service");
  });

  it("exports the read of an order with a setup step that creates the order first", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const flows = (await (await api("/telemetry/flows")).json()).flows as { id: string; name: string }[];
    const read = flows.find((f) => f.name === "shop → GET /api/orders/:id")!;
    const exported = await (await api(`/telemetry/flows/${read.id}/export`, { method: "POST" })).json();
    const loaded = loadFlowprintTest(exported.yaml);
    expect(loaded.ok ? [] : loaded.problems, exported.yaml).toEqual([]);
    if (!loaded.ok) return;
    expect(loaded.test.setup).toEqual([expect.objectContaining({ id: "setup_create_order", method: "POST", url: "{{base_url}}/api/orders", expect: { status: 201 } })]);
    expect(loaded.test.trigger.url).toBe("{{base_url}}/api/orders/{{setup_create_order.body.id}}");
    expect(exported.warnings).toEqual([expect.stringMatching(/no endpoint was seen creating a customer; the recorded cust-7 is kept/)]);
    expect(exported.yaml).toMatch(/# setup setup_create_order body.customerId: no endpoint was seen creating a customer/);

    const plain = await (await api(`/telemetry/flows/${read.id}/export?setup=none`, { method: "POST" })).json();
    const plainTest = loadFlowprintTest(plain.yaml);
    expect(plainTest.ok && plainTest.test.setup).toEqual([]);
    expect(plain.warnings).toEqual([]);
    const journey = await (await api("/model/entities/order/journey/export", { method: "POST" })).json();
    const walked = loadFlowprintTest(journey.yaml);
    expect(walked.ok && [walked.test.trigger, ...walked.test.steps].map((r) => `${r.method} ${r.url} ${r.expect?.status}`)).toEqual([
      "POST {{base_url}}/api/orders 201",
      "GET {{base_url}}/api/orders/{{create_order.body.id}} 200",
    ]);
    expect(walked.ok && walked.test.variables.base_url).toBe("http://127.0.0.1:4555");
    const none = await api("/model/entities/customer/journey/export", { method: "POST" });
    expect(none.status).toBe(422);
    expect((await none.json()).error.message).toMatch(/no endpoint was seen creating a customer/);
    const badSetup = await api(`/telemetry/flows/${read.id}/export?setup=sometimes`, { method: "POST" });
    expect(badSetup.status).toBe(400);
    expect(JSON.stringify(await badSetup.json())).toContain("setup");
  });

  it("exports from the CLI: a flow with setup, the order journey and the OpenAPI document", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const out = mkdtempSync(path.join(tmpdir(), "flowprint-export-"));
    const cli = (...args: string[]) => spawnSync(process.execPath, ["bin/flowprint.mjs", "export", ...args, "--server", app!.baseUrl, "--workspace", workspace, "-o", out], { encoding: "utf8" });
    const flows = (await (await api("/telemetry/flows")).json()).flows as { id: string; name: string }[];
    const read = cli("flow", flows.find((f) => f.name === "shop → GET /api/orders/:id")!.id);
    expect(read.status, read.stderr).toBe(0);
    expect(read.stderr).toMatch(/^warning: .*no endpoint was seen creating a customer/m);
    const journey = cli("journey", "order");
    expect(journey.status, journey.stderr).toBe(0);
    const openapi = cli("openapi", "shop", "--format", "yaml");
    expect(openapi.status, openapi.stderr).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(3);
    expect(files[0]).toBe("order-journey.yaml");
    expect(files[1]).toMatch(/^shop-get-api-orders-id-[0-9a-f]{8}\.yaml$/);
    expect(files[2]).toBe("shop.openapi.yaml");
    expect(readFileSync(path.join(out, files[1]), "utf8")).toContain("setup_create_order");
    expect(parse(readFileSync(path.join(out, "shop.openapi.yaml"), "utf8")).openapi).toBe("3.1.0");
    const missing = cli("journey", "spaceship");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/No entity "spaceship"/);
  });
});
