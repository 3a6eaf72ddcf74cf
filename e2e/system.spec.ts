import { readFile } from "node:fs/promises";
import { context, SpanKind, trace, type Span } from "@opentelemetry/api";
import { sdkClient, type SdkClient } from "../tests/support/otel-sdk";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";
import { completeTraces } from "./support/complete-traces";
import { waitFor } from "./support/seed-traffic";
import { expect, test } from "./support/test";

const SERVICES = ["api-gateway", "orders", "legacy-billing"] as const;
type Service = (typeof SERVICES)[number];

/**
 * A shop whose gateway records request and response bodies: each order is created in one trace
 * (POST /api/v1/orders answers its id) and read by that id in a later trace, one read asks for
 * an order that does not exist, and a legacy service serves requests without a route.
 */
async function sendOrderLifecycle(baseUrl: string, workspace: string, orderIds: readonly string[]): Promise<void> {
  const clients = Object.fromEntries(SERVICES.map((service) => [service, sdkClient({ baseUrl, format: "protobuf", service, headers: { "X-Workspace-ID": workspace } })])) as Record<Service, SdkClient>;
  const span = (service: Service, name: string, parent: Span | null, kind: SpanKind, startMs: number, attributes: Record<string, string | number>) =>
    clients[service].tracer.startSpan(name, { kind, startTime: startMs, attributes }, parent ? trace.setSpan(context.active(), parent) : context.active());
  const flushAll = () => Promise.all(Object.values(clients).map((c) => c.flush()));
  const traceIds: string[] = [];
  // Explicit, increasing start times: every read starts after the order it reads was created.
  let t = Date.now() - 10_000;

  for (const [n, id] of orderIds.entries()) {
    t += 100;
    const request = { customerId: `cust-${100 + n}`, items: [{ productId: "p-100", quantity: n + 1 }], note: n === 0 ? "leave at the door" : null };
    const response = { id, status: "confirmed", total: 19.5 * (n + 1), createdAt: "2026-12-05T10:00:00Z", items: request.items };
    const gateway = span("api-gateway", "POST /api/v1/orders", null, SpanKind.SERVER, t, {
      "http.request.method": "POST",
      "http.route": "/api/v1/orders",
      "url.path": "/api/v1/orders",
      "http.response.status_code": 201,
      "http.request.header.content-type": "application/json",
      "http.request.body": JSON.stringify(request),
      "http.response.body": JSON.stringify(response),
    });
    const call = span("api-gateway", "POST", gateway, SpanKind.CLIENT, t + 2, { "http.request.method": "POST", "server.address": "orders", "http.response.status_code": 201 });
    const orders = span("orders", "POST /orders", call, SpanKind.SERVER, t + 3, { "http.request.method": "POST", "http.route": "/orders", "url.path": "/orders", "http.response.status_code": 201 });
    span("orders", "INSERT orders", orders, SpanKind.CLIENT, t + 4, { "db.system.name": "postgresql", "db.namespace": "shop", "db.query.text": "INSERT INTO orders (id, customer_id, total) VALUES ($1, $2, $3)" }).end(t + 8);
    span("orders", "order.created publish", orders, SpanKind.PRODUCER, t + 9, { "messaging.system": "kafka", "messaging.destination.name": "order.created", "messaging.operation.type": "send" }).end(t + 10);
    orders.end(t + 12);
    call.end(t + 13);
    gateway.end(t + 15);
    traceIds.push(gateway.spanContext().traceId);
    await flushAll();
  }

  for (const id of [...orderIds, "ord-missing-9999"]) {
    t += 100;
    const found = id !== "ord-missing-9999";
    const status = found ? 200 : 404;
    const gateway = span("api-gateway", "GET /api/v1/orders/:id", null, SpanKind.SERVER, t, {
      "http.request.method": "GET",
      "http.route": "/api/v1/orders/:id",
      "url.path": `/api/v1/orders/${id}`,
      "http.response.status_code": status,
      "http.response.body": JSON.stringify(found ? { id, status: "confirmed" } : { error: "order not found" }),
    });
    const call = span("api-gateway", "GET", gateway, SpanKind.CLIENT, t + 1, { "http.request.method": "GET", "server.address": "orders", "http.response.status_code": status });
    const orders = span("orders", "GET /orders/:id", call, SpanKind.SERVER, t + 2, { "http.request.method": "GET", "http.route": "/orders/:id", "url.path": `/orders/${id}`, "http.response.status_code": status });
    span("orders", "SELECT orders", orders, SpanKind.CLIENT, t + 3, { "db.system.name": "postgresql", "db.namespace": "shop", "db.query.text": "SELECT id, status, total FROM orders WHERE id = $1" }).end(t + 5);
    orders.end(t + 6);
    call.end(t + 7);
    gateway.end(t + 8);
    traceIds.push(gateway.spanContext().traceId);
    await flushAll();
  }

  t += 100;
  const legacy = span("legacy-billing", "GET", null, SpanKind.SERVER, t, { "http.request.method": "GET", "url.path": "/invoices/17", "http.response.status_code": 200 });
  legacy.end(t + 4);
  traceIds.push(legacy.spanContext().traceId);
  await flushAll();

  for (const c of Object.values(clients)) await c.shutdown();
  await completeTraces(baseUrl, workspace, traceIds);
}

interface ModelSummary {
  entities: { name: string; data_flow: unknown[] }[];
  flow_count: number;
}

test("the System page shows what the order entity goes through, each endpoint's shapes, and each service's OpenAPI", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const workspace = `e2e-system-${Date.now()}`;
  await sendOrderLifecycle(baseURL!, workspace, ["ord-1001", "ord-1002", "ord-1003"]);
  // Traces are complete; the model is read once every flow is in it.
  await waitFor(
    () => fetch(`${baseURL}/api/v1/workspaces/${workspace}/model`).then((r) => r.json() as Promise<ModelSummary>),
    (model) => model.flow_count === 3 && (model.entities.find((e) => e.name === "order")?.data_flow.length ?? 0) > 0,
  );

  await page.goto(`/w/${workspace}/flows`);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /System/ }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspace}/system$`));
  await expect(page.getByRole("heading", { level: 1, name: "System" })).toBeVisible();
  await expect(page.getByTestId("system-summary")).toContainText(/^3 services · 4 endpoints · \d+ entit(y|ies), learned from 8 sampled traces of 3 flows, generated /);

  // The order's lifecycle: created by the gateway's POST, read by id; never updated, deleted or listed.
  const order = page.getByTestId("entity-order");
  await expect(order.getByRole("heading", { name: "order" })).toBeVisible();
  const create = order.getByTestId("lifecycle-create");
  await expect(create).toHaveAttribute("data-present", "true");
  await expect(create).toContainText("POST /api/v1/orders (api-gateway)");
  await expect(create).toContainText("INSERT orders");
  await expect(create).toContainText("order.created");
  const read = order.getByTestId("lifecycle-read");
  await expect(read).toHaveAttribute("data-present", "true");
  await expect(read).toContainText("GET /api/v1/orders/:id (api-gateway)");
  await expect(read).toContainText("SELECT orders");
  for (const kind of ["update", "delete", "list"]) {
    await expect(order.getByTestId(`lifecycle-${kind}`)).toHaveAttribute("data-present", "false");
    await expect(order.getByTestId(`lifecycle-${kind}`)).toContainText("not seen");
  }
  await expect(order.getByTestId("data-flow").filter({ hasText: "GET /api/v1/orders/:id takes path.id from POST /api/v1/orders body.id (3×, also across traces)" })).toHaveCount(1);
  await expect(order.getByTestId("entity-creator")).toContainText("POST /api/v1/orders (api-gateway)");
  await expect(order.getByTestId("entity-creator")).toContainText("new id in the response's id");

  // Its journey downloads as one test: created, then read by the id the creation returned.
  const download = page.waitForEvent("download");
  await order.getByRole("button", { name: "Export the order journey as a test" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("order-journey.yaml");
  const journey = await readFile((await file.path())!, "utf8");
  expect(journey).toContain("url: \"{{base_url}}/api/v1/orders/{{create_order.body.id}}\"");
  await expect(order.getByTestId("journey-export-result")).toContainText("npx flowprint run order-journey.yaml");

  // Instrumentation: the gateway and orders have no gaps, the legacy service's spans lack a route.
  await expect(page.getByTestId("service-orders").getByTestId("instrumentation-ok")).toHaveText("No gaps found");
  await expect(page.getByTestId("service-legacy-billing").getByTestId("instrumentation-advice").first()).toContainText("http.route");
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "system");

  // An endpoint opens in place: its parameters, request body schema and example, responses, flows.
  const gateway = page.getByTestId("service-api-gateway");
  await gateway.getByRole("button", { name: "POST /api/v1/orders" }).click();
  const detail = gateway.getByTestId("endpoint-detail");
  await expect(page).toHaveURL(/[?&]endpoint=ep-[0-9a-f]{14}/);
  const schema = detail.getByTestId("request-body-schema");
  await expect(schema).toBeVisible();
  const requestSchema = JSON.parse((await schema.textContent())!) as { type: string; properties: Record<string, unknown>; required: string[] };
  expect(requestSchema.type).toBe("object");
  expect(Object.keys(requestSchema.properties)).toEqual(expect.arrayContaining(["customerId", "items", "note"]));
  expect(requestSchema.required).toEqual(expect.arrayContaining(["customerId", "items"]));
  await expect(detail.getByRole("region", { name: "Parameters" })).toContainText("content-type");
  await expect(detail.getByTestId("endpoint-response")).toHaveCount(1);
  await expect(detail.getByTestId("response-body-schema")).toContainText('"createdAt"');
  await expect(detail.getByTestId("response-body-schema")).toContainText('"format": "date-time"');
  const flowLinks = detail.getByTestId("endpoint-flows").getByRole("link");
  await expect(flowLinks).toHaveCount(1);
  await expect(flowLinks.first()).toHaveAttribute("href", new RegExp(`^/w/${workspace}/flows/[0-9a-f-]{36}$`));
  await screenshotBothThemes(page, "system-endpoint");

  // The read endpoint answers 200 and 404, each with its own body.
  await gateway.getByRole("button", { name: "GET /api/v1/orders/:id" }).click();
  await expect(gateway.getByTestId("endpoint-detail")).toHaveCount(1);
  await expect(gateway.getByTestId("endpoint-detail").getByTestId("endpoint-response")).toHaveCount(2);
  await expect(gateway.getByTestId("endpoint-detail").getByRole("region", { name: "Parameters" })).toContainText(/path\s*yes\s*ord-/);
  await expectNoSeriousA11yViolations(page);

  // An endpoint in an entity card leads to its row.
  await order.getByTestId("lifecycle-create").getByRole("button", { name: /POST \/orders/ }).click();
  const ordersService = page.getByTestId("service-orders");
  await expect(ordersService.getByTestId("endpoint-detail")).toBeVisible();
  await expect(ordersService.getByRole("button", { name: "POST /orders", expanded: true })).toBeFocused();

  // The OpenAPI download is a valid OpenAPI 3.1 document of the service's endpoints, as JSON and YAML.
  const jsonHref = await gateway.getByRole("link", { name: "Download OpenAPI of api-gateway as JSON" }).getAttribute("href");
  const json = await page.request.get(jsonHref!);
  expect(json.status()).toBe(200);
  expect(json.headers()["content-disposition"]).toContain("api-gateway.openapi.json");
  const document = (await json.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/v1/orders", "/api/v1/orders/{id}"]));
  expect(document.paths["/api/v1/orders"]).toHaveProperty("post");
  const yamlHref = await gateway.getByRole("link", { name: "Download OpenAPI of api-gateway as YAML" }).getAttribute("href");
  const yaml = await page.request.get(yamlHref!);
  expect(yaml.status()).toBe(200);
  expect(await yaml.text()).toMatch(/^openapi: 3\.1\.0$/m);

  // Datastores and topics.
  await expect(page.getByTestId("datastores")).toContainText("shop");
  await expect(page.getByTestId("datastores")).toContainText("postgresql");
  await expect(page.getByTestId("topics")).toContainText("order.created");
});

test("an empty workspace explains how to send traces before there is a model", async ({ page }) => {
  await page.goto(`/w/e2e-system-empty-${Date.now()}/system`);
  await expect(page.getByRole("heading", { name: "No system model yet" })).toBeVisible();
  await expect(page.getByTestId("demo-command")).toBeVisible();
  await screenshotBothThemes(page, "system-empty");
});
