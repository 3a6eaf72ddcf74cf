import { context, SpanKind, trace } from "@opentelemetry/api";
import { expect, test, type Page } from "./support/test";
import { sdkClient } from "../tests/support/otel-sdk";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";
import { sendOrders } from "./support/seed-traffic";
import { sendShopTraffic } from "./support/seed-shop-traffic";
import { allowKeylessIngest, apiFetch } from "./support/session";

/** checkout publishes order.created, mailer consumes it: the topic node and its dashed edges. */
async function sendOrderEvents(baseUrl: string, workspace: string): Promise<void> {
  await allowKeylessIngest(baseUrl, workspace);
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
  const response = await apiFetch(`${baseUrl}/api/v1/workspaces/${workspace}/telemetry/traces/${traceId}/complete`, { method: "POST" });
  if (!response.ok) throw new Error(`completing ${traceId} answered ${response.status}`);
}

/**
 * One checkout trace calling every peer once: each CLIENT span naming a `peer.service` nobody
 * answers for becomes a service node. The SDK's simple processor exports span by span with at
 * most 30 exports in flight, so the calls end in batches.
 */
async function sendFanOut(baseUrl: string, workspace: string, peers: string[]): Promise<void> {
  await allowKeylessIngest(baseUrl, workspace);
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
  const response = await apiFetch(`${baseUrl}/api/v1/workspaces/${workspace}/telemetry/traces/${traceId}/complete`, { method: "POST" });
  if (!response.ok) throw new Error(`completing ${traceId} answered ${response.status}`);
}

const node = (id: string) => `.react-flow__node[data-id="${id}"]`;
const edge = (id: string) => `.react-flow__edge[data-id="${id}"]`;

/** Moves the pointer onto the middle of an edge's line (its box's centre may be off a curve). */
async function hoverEdge(page: Page, id: string): Promise<void> {
  const point = await page.locator(`${edge(id)} path.react-flow__edge-path`).evaluate((path: SVGPathElement) => {
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const m = path.getScreenCTM()!;
    return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
  });
  await page.mouse.move(point.x, point.y);
}

/** No two boxes of `locator` overlap (labels, nodes). */
async function expectNoOverlap(locator: ReturnType<Page["locator"]>): Promise<void> {
  const boxes = (await locator.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }))).filter((b) => b.width > 0);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `boxes ${i} and ${j} overlap: ${JSON.stringify([a, b])}`).toBe(false);
    }
  }
}

test("the service view maps services calling services, and orders lists its callers, callees and flows", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const workspace = `e2e-graph-shop-${Date.now()}`;
  // The demo's shape: 12 orders (2 with a failing product lookup, 4 by gold customers), 5 reads.
  await sendShopTraffic(baseURL!, workspace, { orders: 12, reads: 5, productFailures: 2 });

  await page.goto(`/w/${workspace}/graph`);
  await expect(page.getByText("7 services · 7 endpoints · 1 database · 1 topic · 8 connections")).toBeVisible();
  await expect(page.getByRole("group", { name: "Graph view" }).getByRole("button", { name: "Services", pressed: true })).toBeVisible();
  for (const id of ["service:storefront", "service:api-gateway", "service:orders", "service:users", "service:products", "service:loyalty", "service:notifications", "database:orders", "topic:order.created"]) {
    await expect(page.locator(node(id))).toBeVisible();
  }
  await expect(page.locator(".react-flow__node-api_endpoint")).toHaveCount(0);
  // Left to right by call depth.
  const x = async (id: string) => (await page.locator(node(id)).boundingBox())!.x;
  expect(await x("service:storefront")).toBeLessThan(await x("service:api-gateway"));
  expect(await x("service:api-gateway")).toBeLessThan(await x("service:orders"));
  expect(await x("service:orders")).toBeLessThan(await x("service:products"));
  await expectNoOverlap(page.locator(".react-flow__node"));

  // Services count what they serve: orders was "0 in" while api-gateway called it.
  await expect(page.locator(node("service:orders"))).toContainText("17 in");
  await expect(page.locator(node("service:orders"))).toHaveAttribute("aria-label", /17 calls in, 2 endpoints, tests: not covered$/);

  // No numbers drawn until an edge is pointed at or focused: labels cannot pile up.
  const labels = page.getByTestId("edge-label");
  await expect(labels).toHaveCount(0);
  await hoverEdge(page, "service:api-gateway→service:orders");
  await expect(labels).toHaveCount(1);
  await expect(labels).toContainText("api-gateway → orders");
  await page.screenshot({ path: "e2e/screenshots/graph-edge-hover.png" });
  await expect(labels).toContainText(/^api-gateway → orders17 calls · p95 \d+(\.\d+)? ms · avg .+ms$/);
  await page.mouse.move(5, 5);
  await expect(labels).toHaveCount(0);
  // The failing dependency is red, and says so when focused.
  await expect(page.locator(`${edge("service:orders→service:products")} path.fp-edge-error`)).toHaveCount(1);
  await expect(page.locator("path.fp-edge-error.react-flow__edge-path")).toHaveCount(1);
  await page.locator(edge("service:orders→service:products")).focus();
  await expect(labels).toContainText("12 calls");
  await expect(labels).toContainText("2 err");
  await expect(page.locator(edge("service:orders→database:orders"))).toHaveAttribute("aria-label", /^orders reads and writes orders: 17 calls, no errors, p95 /);
  await page.locator(edge("service:orders→service:products")).blur();

  // Its endpoints fold out of the card without choosing it.
  await page.locator(node("service:orders")).getByRole("button", { name: "2 endpoints" }).click();
  const endpoints = page.getByTestId("node-endpoints");
  await expect(endpoints.getByRole("listitem")).toHaveCount(2);
  await expect(endpoints.getByRole("listitem").first()).toContainText(/POST \/orders12 requests · p95 /);
  await expect(page.getByTestId("node-details")).toHaveCount(0);
  await page.screenshot({ path: "e2e/screenshots/graph-services-endpoints-open.png" });
  await page.locator(node("service:orders")).getByRole("button", { name: "2 endpoints" }).click();
  await expect(endpoints).toHaveCount(0);
  await screenshotBothThemes(page, "graph-services");

  // The panel: real callers and callees with their counts, the endpoints, the flows through it.
  await page.locator(node("service:orders")).click();
  const details = page.getByTestId("node-details");
  await expect(details.getByRole("heading", { name: "orders" })).toBeVisible();
  await expect(details.getByText("Nothing traced calls this node.")).toHaveCount(0);
  await expect(details.getByTestId("node-callers").getByRole("listitem")).toHaveText([/^api-gateway17 calls · p95 /]);
  await expect(details.getByTestId("node-callees").getByRole("listitem")).toHaveText([
    /^orders17 reads and writes · p95 /,
    /^order\.created12 published · p95 /,
    /^products12 calls · p95 .+ · 2 errors$/,
    /^users12 calls · p95 /,
    /^loyalty4 calls · p95 /,
  ]);
  await expect(details.getByTestId("panel-endpoints").getByRole("listitem")).toHaveCount(2);
  // Flows through any of its endpoints: gold and other orders take two paths, reads a third.
  const flows = details.getByTestId("node-flows").getByRole("link");
  await expect(flows).toHaveCount(3);
  await expect(flows.first()).toHaveAttribute("href", new RegExp(`^/w/${workspace}/flows/[0-9a-f-]{36}$`));
  await expect(details.getByRole("heading", { name: /Flows through this service/ })).toContainText("3");
  await expect(page).toHaveURL(/[?&]node=service%3Aorders/);
  await screenshotBothThemes(page, "graph-services-orders");

  // A caller in the panel leads to it.
  await details.getByTestId("node-callers").getByRole("button", { name: /api-gateway/ }).click();
  await expect(details.getByRole("heading", { name: "api-gateway" })).toBeVisible();
  await expect(details.getByTestId("node-callers").getByRole("listitem")).toHaveText([/^storefront12 calls/]);
  await expectNoSeriousA11yViolations(page);

  // The endpoint view is one click away, and in the URL.
  const viewSwitch = page.getByRole("group", { name: "Graph view" });
  await viewSwitch.getByRole("button", { name: "Endpoints" }).click();
  await expect(page).toHaveURL(/[?&]view=endpoint/);
  await expect(page.getByText("7 services · 7 endpoints · 1 database · 1 topic · 17 connections")).toBeVisible();
  await expect(page.locator(node("api_endpoint:POST /orders"))).toBeVisible();
  await page.locator(node("api_endpoint:POST /orders")).click();
  await expect(details.getByRole("heading", { name: "POST /orders" })).toBeVisible();
  await expect(details.getByTestId("node-callers").getByRole("listitem")).toHaveText([/^api-gateway12 calls · p95 /]);
  await expect(details.getByTestId("node-flows").getByRole("link")).toHaveCount(2);
  await page.locator(node("service:orders")).click();
  await expect(details.getByRole("heading", { name: "orders" })).toBeVisible();
  await expect(details.getByTestId("node-flows").getByRole("link")).toHaveCount(3);
  await details.getByRole("button", { name: "Close node details" }).click();
  await page.getByRole("button", { name: "Fit graph to view" }).click();
  await screenshotBothThemes(page, "graph-endpoints");
  await expectNoOverlap(page.locator(".react-flow__node"));
  await expect(labels).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // Back goes back to services.
  await page.goBack();
  await expect(page.locator(".react-flow__node-api_endpoint")).toHaveCount(0);
  await expect(viewSwitch.getByRole("button", { name: "Services", pressed: true })).toBeVisible();
});

test("the endpoint view draws every node type, and a node lists the flows through it", async ({ page, baseURL }) => {
  const workspace = `e2e-graph-${Date.now()}`;
  await sendOrders(baseURL!, workspace, { count: 4, peers: ["payments", "inventory"], errorShare: 0.5 });
  await sendOrders(baseURL!, workspace, { count: 2, method: "GET", route: "/orders/:id" });
  await sendOrderEvents(baseURL!, workspace);

  await page.goto(`/w/${workspace}/graph?view=endpoint`);
  await expect(page.getByRole("heading", { name: "Service graph" })).toBeVisible();
  for (const id of ["service:checkout", "service:payments", "service:inventory", "service:mailer", "api_endpoint:POST /orders", "api_endpoint:GET /orders/:id", "database:orders", "topic:order.created"]) {
    await expect(page.locator(node(id))).toBeVisible();
  }
  await expect(page.locator(`${node("api_endpoint:POST /orders")}.react-flow__node-api_endpoint`)).toBeVisible();
  await expect(page.locator(`${node("database:orders")}.react-flow__node-database`)).toBeVisible();
  await expect(page.locator(`${node("topic:order.created")}.react-flow__node-topic`)).toBeVisible();
  // checkout serves 7 requests (its two routes): not "0 in".
  await expect(page.locator(node("service:checkout"))).toContainText("7 in");

  // Every edge names its numbers; payments failed in half of the orders and is drawn red.
  await expect(page.locator(edge("calls:service:checkout→service:payments"))).toHaveAttribute("aria-label", /^checkout calls payments: 4 calls, 2 errors, p95 /);
  await expect(page.locator(edge("calls:service:checkout→service:inventory"))).toHaveAttribute("aria-label", /: 4 calls, no errors, p95 /);
  await expect(page.locator(edge("writes:service:checkout→database:orders"))).toHaveAttribute("aria-label", /: 6 calls, no errors/);
  await expect(page.locator("path.fp-edge-error.react-flow__edge-path")).toHaveCount(1);
  await expect(page.locator('.react-flow__edge path.react-flow__edge-path[style*="stroke-dasharray"]')).toHaveCount(2);
  await page.locator(edge("writes:service:checkout→database:orders")).focus();
  await expect(page.getByTestId("edge-label")).toContainText(/^checkout → orders6 writes · p95 /);

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
  await expect(details.getByTestId("node-callers").getByRole("listitem")).toHaveText([/^checkout6 writes/]);

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

for (const view of ["service", "endpoint"] as const) {
  test(`a 300-node graph stays usable in the ${view} view: it renders, zooms to a node, and fits again`, async ({ page, baseURL }) => {
    // axe walks 300 nodes, 300 edges and a 300-row table; on a busy machine that takes a while.
    test.setTimeout(180_000);
    const workspace = `e2e-graph-big-${view}-${Date.now()}`;
    // One trace calling 297 uninstrumented dependencies: 297 peer services, plus checkout, its
    // endpoint and its database (the endpoint inside checkout in the service view).
    const peers = Array.from({ length: 297 }, (_, i) => `dependency-${String(i).padStart(3, "0")}`);
    await sendFanOut(baseURL!, workspace, peers);
    const nodes = view === "service" ? 299 : 300;

    await page.goto(`/w/${workspace}/graph${view === "endpoint" ? "?view=endpoint" : ""}`);
    await expect(page.getByText(`298 services · 1 endpoint · 1 database · ${view === "service" ? 298 : 299} connections`)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("node-table").locator("tbody tr")).toHaveCount(nodes);
    // Fitted, the whole graph is on screen, so every node is rendered.
    const rendered = page.locator(".react-flow__node");
    await expect(rendered).toHaveCount(nodes);
    await expect(page.getByRole("img", { name: "Minimap of the service graph" })).toBeVisible();
    await expect(page.getByTestId("edge-label")).toHaveCount(0);
    await page.screenshot({ path: `e2e/screenshots/graph-300-${view}.png` });

    // Jumping to one node zooms in; only what is on screen is rendered then.
    await page.getByRole("searchbox", { name: "Find a node" }).fill("dependency-150");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("node-details").getByRole("heading", { name: "dependency-150" })).toBeVisible();
    await expect(page.getByTestId("node-details").getByTestId("node-callers").getByRole("listitem")).toHaveText([/^checkout1 call/]);
    await expect(page.locator(node("service:dependency-150"))).toBeInViewport();
    await expect.poll(() => rendered.count()).toBeLessThan(nodes);
    await page.screenshot({ path: `e2e/screenshots/graph-300-${view}-zoomed.png` });

    await page.getByRole("button", { name: "Fit graph to view" }).click();
    await expect(rendered).toHaveCount(nodes);
    for (const id of ["service:checkout", "service:dependency-000", "service:dependency-296"]) {
      await expect(page.locator(node(id))).toBeInViewport();
    }
    await screenshotBothThemes(page, `graph-300-${view}`);
    if (view === "service") await expectNoSeriousA11yViolations(page);
  });
}
