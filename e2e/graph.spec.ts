import { context, SpanKind, trace } from "@opentelemetry/api";
import { expect, test } from "@playwright/test";
import { sdkClient } from "../tests/support/otel-sdk";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";
import { sendOrders } from "./support/seed-traffic";

/** checkout publishes order.created, mailer consumes it: the topic node and its dashed edges. */
async function sendOrderEvents(baseUrl: string, workspace: string): Promise<void> {
  const headers = { "X-Workspace-ID": workspace };
  const checkout = sdkClient({ baseUrl, format: "protobuf", service: "checkout", headers });
  const mailer = sdkClient({ baseUrl, format: "protobuf", service: "mailer", headers });
  const start = Date.now() - 50;
  const root = checkout.tracer.startSpan("POST /orders", {
    kind: SpanKind.SERVER,
    startTime: start,
    attributes: { "http.request.method": "POST", "http.route": "/orders", "http.response.status_code": 201 },
  });
  const publish = checkout.tracer.startSpan(
    "order.created publish",
    { kind: SpanKind.PRODUCER, startTime: start + 5, attributes: { "messaging.system": "kafka", "messaging.destination.name": "order.created", "messaging.operation.type": "send" } },
    trace.setSpan(context.active(), root),
  );
  const consume = mailer.tracer.startSpan(
    "order.created process",
    { kind: SpanKind.CONSUMER, startTime: start + 12, attributes: { "messaging.system": "kafka", "messaging.destination.name": "order.created", "messaging.operation.type": "process" } },
    trace.setSpan(context.active(), publish),
  );
  consume.end(start + 30);
  publish.end(start + 8);
  root.end(start + 40);
  for (const client of [checkout, mailer]) {
    await client.flush();
    await client.shutdown();
  }
  const traceId = root.spanContext().traceId;
  const response = await fetch(`${baseUrl}/api/v1/workspaces/${workspace}/telemetry/traces/${traceId}/complete`, { method: "POST" });
  if (!response.ok) throw new Error(`completing ${traceId} answered ${response.status}`);
}

/**
 * One checkout trace calling every peer once: each CLIENT span naming a `peer.service` nobody
 * answers for becomes a service node. The SDK's simple processor exports span by span with at
 * most 30 exports in flight, so the calls end in batches.
 */
async function sendFanOut(baseUrl: string, workspace: string, peers: string[]): Promise<void> {
  const client = sdkClient({ baseUrl, format: "protobuf", service: "checkout", headers: { "X-Workspace-ID": workspace } });
  const start = Date.now() - 500;
  const root = client.tracer.startSpan("POST /orders", {
    kind: SpanKind.SERVER,
    startTime: start,
    attributes: { "http.request.method": "POST", "http.route": "/orders", "http.response.status_code": 201 },
  });
  const parent = trace.setSpan(context.active(), root);
  client.tracer.startSpan("INSERT orders", { kind: SpanKind.CLIENT, startTime: start + 1, attributes: { "db.system.name": "postgresql", "db.namespace": "orders", "db.operation.name": "INSERT" } }, parent).end(start + 3);
  for (let i = 0; i < peers.length; i += 20) {
    for (const peer of peers.slice(i, i + 20)) {
      client.tracer.startSpan(`POST ${peer}`, { kind: SpanKind.CLIENT, startTime: start + 5, attributes: { "peer.service": peer, "http.request.method": "POST" } }, parent).end(start + 9);
    }
    await client.flush();
  }
  root.end(start + 400);
  await client.flush();
  await client.shutdown();
  const traceId = root.spanContext().traceId;
  const response = await fetch(`${baseUrl}/api/v1/workspaces/${workspace}/telemetry/traces/${traceId}/complete`, { method: "POST" });
  if (!response.ok) throw new Error(`completing ${traceId} answered ${response.status}`);
}

const node = (id: string) => `.react-flow__node[data-id="${id}"]`;

test("the service graph draws every node type with labelled edges, and a node lists the flows through it", async ({ page, baseURL }) => {
  const workspace = `e2e-graph-${Date.now()}`;
  await sendOrders(baseURL!, workspace, { count: 4, peers: ["payments", "inventory"], errorShare: 0.5 });
  await sendOrders(baseURL!, workspace, { count: 2, method: "GET", route: "/orders/:id" });
  await sendOrderEvents(baseURL!, workspace);

  await page.goto(`/w/${workspace}/graph`);
  await expect(page.getByRole("heading", { name: "Service graph" })).toBeVisible();
  for (const id of ["service:checkout", "service:payments", "service:inventory", "service:mailer", "api_endpoint:POST /orders", "api_endpoint:GET /orders/:id", "database:orders", "topic:order.created"]) {
    await expect(page.locator(node(id))).toBeVisible();
  }
  await expect(page.locator(`${node("api_endpoint:POST /orders")}.react-flow__node-api_endpoint`)).toBeVisible();
  await expect(page.locator(`${node("database:orders")}.react-flow__node-database`)).toBeVisible();
  await expect(page.locator(`${node("topic:order.created")}.react-flow__node-topic`)).toBeVisible();

  // Edge labels: calls, average duration, errors (payments failed in half of the orders).
  const labels = page.locator(".fp-edge-label");
  await expect(labels.filter({ hasText: /^4 calls · .+ms · 2 err$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^4 calls · .+ms$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^6 writes · / })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^1 published · / })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^1 consumed · / })).toHaveCount(1);
  await expect(page.locator('.react-flow__edge path[style*="stroke-dasharray"]')).toHaveCount(2);

  // Clicking a node lists the flows through it, riskiest first, each a link to the flow.
  await page.locator(node("database:orders")).click();
  const details = page.getByTestId("node-details");
  await expect(details.getByRole("heading", { name: "orders" })).toBeVisible();
  await expect(page).toHaveURL(/[?&]node=database%3Aorders/);
  const flows = details.getByTestId("node-flows").getByRole("link");
  await expect(flows).toHaveCount(2);
  await expect(flows.first()).toHaveAttribute("href", new RegExp(`^/w/${workspace}/flows/[0-9a-f-]{36}$`));
  const scores = (await details.getByTestId("flow-risk-score").allTextContents()).map((t) => Number(t.replace("risk ", "")));
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  await expect(details.getByRole("heading", { name: /Upstream/ })).toBeVisible();

  // Keyboard: Enter on a focused node selects it, Enter again moves into its details, Escape
  // closes them and returns to the node.
  await page.locator(node("service:payments")).focus();
  await page.keyboard.press("Enter");
  await expect(details.getByRole("heading", { name: "payments" })).toBeVisible();
  await expect(details.getByTestId("node-flows").getByRole("link")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(details.getByRole("heading", { name: "payments" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(details).toHaveCount(0);
  await expect(page.locator(node("service:payments"))).toBeFocused();

  // A graph this small fits on screen, so its minimap starts hidden.
  await expect(page.locator(".react-flow__minimap")).toHaveCount(0);
  await page.getByRole("button", { name: "Minimap" }).click();
  await expect(page.getByRole("img", { name: "Minimap of the service graph" })).toBeVisible();

  // The accessible way in: `/` focuses the search, Enter opens the first match.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Find a node" })).toBeFocused();
  await page.keyboard.type("inventory");
  await expect(page.getByTestId("node-table").locator("tbody tr")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(details.getByRole("heading", { name: "inventory" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Find a node" }).fill("");
  await page.getByTestId("node-table").getByRole("button", { name: "order.created" }).click();
  await expect(details.getByRole("heading", { name: "order.created" })).toBeVisible();

  await page.locator(node("database:orders")).click();
  await expect(details.getByTestId("node-flows").getByRole("link")).toHaveCount(2);
  // Fitting leaves the drawer's side free: every node stays in sight beside it.
  await page.getByRole("button", { name: "Fit graph to view" }).click();
  const drawerLeft = (await details.boundingBox())!.x;
  await expect.poll(async () => {
    const box = (await page.locator(node("service:mailer")).boundingBox())!;
    return box.x + box.width;
  }).toBeLessThan(drawerLeft);

  // The page as a user first meets it, fitted to the full width, with a node open.
  await details.getByRole("button", { name: "Close node details" }).click();
  await page.getByRole("button", { name: "Fit graph to view" }).click();
  await page.locator(node("database:orders")).click();
  await expect(details.getByTestId("node-flows").getByRole("link")).toHaveCount(2);
  await screenshotBothThemes(page, "graph");
  await expectNoSeriousA11yViolations(page);
});

test("an empty workspace explains how to send traces", async ({ page }) => {
  await page.goto(`/w/e2e-graph-empty-${Date.now()}/graph`);
  await expect(page.getByRole("heading", { name: "No service graph yet" })).toBeVisible();
  await expect(page.getByText("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")).toBeVisible();
});

test("a 300-node graph stays usable: it renders, zooms to a node, and fits again", async ({ page, baseURL }) => {
  // axe walks 300 nodes, 300 edges and a 300-row table; on a busy machine that takes a while.
  test.setTimeout(180_000);
  const workspace = `e2e-graph-big-${Date.now()}`;
  // One trace calling 297 uninstrumented dependencies: 297 peer services, plus checkout, its
  // endpoint and its database.
  const peers = Array.from({ length: 297 }, (_, i) => `dependency-${String(i).padStart(3, "0")}`);
  await sendFanOut(baseURL!, workspace, peers);

  await page.goto(`/w/${workspace}/graph`);
  await expect(page.getByText("298 services · 1 endpoint · 1 database · 299 connections")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("node-table").locator("tbody tr")).toHaveCount(300);
  // Fitted, the whole graph is on screen, so every node is rendered.
  const rendered = page.locator(".react-flow__node");
  await expect(rendered).toHaveCount(300);
  await expect(page.getByRole("img", { name: "Minimap of the service graph" })).toBeVisible();

  // Jumping to one node zooms in; only what is on screen is rendered then.
  await page.getByRole("searchbox", { name: "Find a node" }).fill("dependency-150");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-details").getByRole("heading", { name: "dependency-150" })).toBeVisible();
  await expect(page.locator(node("service:dependency-150"))).toBeInViewport();
  await expect.poll(() => rendered.count()).toBeLessThan(300);

  await page.getByRole("button", { name: "Fit graph to view" }).click();
  await expect(rendered).toHaveCount(300);
  for (const id of ["service:checkout", "service:dependency-000", "service:dependency-296"]) {
    await expect(page.locator(node(id))).toBeInViewport();
  }
  await screenshotBothThemes(page, "graph-300");
  await expectNoSeriousA11yViolations(page);
});
