import { readFile } from "node:fs/promises";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";
import { sendOrderLifecycle } from "./support/seed-order-lifecycle";
import { waitFor } from "./support/seed-traffic";
import { expect, test } from "./support/test";
import { apiFetch } from "./support/session";

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
    () => apiFetch(`${baseURL}/api/v1/workspaces/${workspace}/model`).then((r) => r.json() as Promise<ModelSummary>),
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

test("the export page adds setup steps that create the order a read needs, and says what it kept", async ({ page, baseURL }) => {
  const workspace = `e2e-setup-${Date.now()}`;
  // Every read finds its order: the flow's representative read answered 200, not 404.
  await sendOrderLifecycle(baseURL!, workspace, ["ord-3001", "ord-3002"], { missingRead: false });
  const { flows } = await waitFor(
    () => apiFetch(`${baseURL}/api/v1/workspaces/${workspace}/telemetry/flows`).then((r) => r.json() as Promise<{ flows: { id: string; entry_operation: string }[] }>),
    (body) => body.flows.some((f) => f.entry_operation === "GET /api/v1/orders/:id"),
  );
  const read = flows.find((f) => f.entry_operation === "GET /api/v1/orders/:id")!;
  await page.goto(`/w/${workspace}/flows/${read.id}/export`);
  const yaml = page.locator("pre").first();
  await expect(yaml).toContainText("setup_create_order");
  await expect(yaml).toContainText("{{setup_create_order.body.id}}");
  await expect(page.getByTestId("export-warnings")).toContainText("no endpoint was seen creating a customer");
  await screenshotBothThemes(page, "export-setup");

  // The choice lives in the URL: the box follows it once the page has navigated.
  const setup = page.getByRole("checkbox", { name: "Create what the trigger needs first (setup steps)" });
  await setup.click();
  await expect(page).toHaveURL(/setup=none/);
  await expect(setup).not.toBeChecked();
  await expect(page.locator("pre").first()).not.toContainText("setup_create_order");
  await expect(page.getByTestId("export-warnings")).toHaveCount(0);
});

test("an empty workspace explains how to send traces before there is a model", async ({ page }) => {
  await page.goto(`/w/e2e-system-empty-${Date.now()}/system`);
  await expect(page.getByRole("heading", { name: "No system model yet" })).toBeVisible();
  await expect(page.getByTestId("demo-command")).toBeVisible();
  await screenshotBothThemes(page, "system-empty");
});
