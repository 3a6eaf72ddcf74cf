import { context, SpanKind, trace } from "@opentelemetry/api";
import { expect, test } from "./support/test";
import { recordCheckoutTrace, sdkClient } from "../tests/support/otel-sdk";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";
import { putSettings, sendOrders } from "./support/seed-traffic";
import { allowKeylessIngest, apiFetch } from "./support/session";

test("find a trace by id, service and status, then read its spans in the waterfall", async ({ page, baseURL }) => {
  const workspace = `e2e-traces-${Date.now()}`;
  await allowKeylessIngest(baseURL!, workspace);
  const client = sdkClient({ baseUrl: baseURL!, format: "protobuf", service: "checkout", headers: { "X-Workspace-ID": workspace } });
  const { traceId } = recordCheckoutTrace(client.tracer);
  await client.flush();
  await client.shutdown();
  const billingIds = await sendOrders(baseURL!, workspace, { count: 2, service: "billing", route: "/invoices" });

  await page.goto(`/w/${workspace}/traces`);
  await expect(page.getByRole("heading", { name: "Recent traces" })).toBeVisible();
  const rows = page.getByTestId("trace-row");
  const checkoutRow = page.locator(`[data-testid="trace-row"][data-trace-id="${traceId}"]`);
  await expect(rows).toHaveCount(3);
  await expect(checkoutRow).toContainText("POST /orders");
  await expect(checkoutRow).toContainText("checkout");
  await expect(checkoutRow).toContainText("error");
  await expect(checkoutRow.getByRole("cell").nth(2)).toHaveText("3");
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "traces");

  // Service: only the traces that entered through billing.
  await page.getByLabel("Root service").selectOption("billing");
  await expect(rows).toHaveCount(2);
  await expect(page).toHaveURL(/service=billing/);
  for (const id of billingIds) await expect(page.locator(`[data-trace-id="${id}"]`)).toBeVisible();

  // Status: errors only, across every service.
  await page.getByLabel("Root service").selectOption("");
  await page.getByRole("radio", { name: "Errors" }).click();
  await expect(page.getByRole("radio", { name: "Errors" })).toBeChecked();
  await expect(rows).toHaveCount(1);
  await expect(checkoutRow).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(rows).toHaveCount(3);

  // Search: `/` focuses it; a half id is explained, a whole one (any case) finds its trace.
  await page.locator("body").press("/");
  const search = page.getByRole("searchbox", { name: "Search by trace id" });
  await expect(search).toBeFocused();
  await search.fill("abc123");
  await search.press("Enter");
  await expect(page.getByText("A trace id is 32 hexadecimal characters; this is 6.")).toBeVisible();
  await expect(search).toHaveAttribute("aria-invalid", "true");
  await search.fill(billingIds[0].toUpperCase());
  await expect(rows).toHaveCount(1);
  await expect(page.locator(`[data-trace-id="${billingIds[0]}"]`)).toBeVisible();
  await search.fill(traceId);
  await expect(rows).toHaveCount(1);
  await expect(checkoutRow).toBeVisible();

  // Enter opens the trace.
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/traces/${traceId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "POST /orders" })).toBeVisible();
  const tree = page.getByRole("tree", { name: `Spans of trace ${traceId}` });
  const spans = tree.getByTestId("waterfall-row");
  await expect(spans).toHaveCount(3);
  await expect(spans.first()).toContainText("POST /orders");
  await expect(tree.getByRole("treeitem", { name: /charge card/ })).toContainText("error");

  // Clicking a span opens its details: attributes, resource, events, copyable ids.
  await tree.getByRole("treeitem", { name: /INSERT orders/ }).click();
  const details = page.getByTestId("span-details");
  await expect(details.getByRole("heading", { name: "INSERT orders" })).toBeVisible();
  const attributes = details.getByRole("table", { name: "Span attributes" });
  await expect(attributes.getByRole("row", { name: /db\.namespace/ })).toContainText("orders");
  await expect(attributes.getByRole("row", { name: /test\.false/ })).toContainText("false");
  await expect(details.getByRole("table", { name: "Resource attributes" })).toContainText("deployment.environment.name");
  await expect(details).toContainText("row.inserted");
  await expect(details.getByRole("button", { name: "Copy span id" })).toBeVisible();

  // The keyboard: the next row, Enter for its details, Escape to close them.
  await expect(tree.getByRole("treeitem", { name: /INSERT orders/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(tree.getByRole("treeitem", { name: /charge card/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(details.getByRole("heading", { name: "charge card" })).toBeVisible();
  await expect(details).toContainText("card declined");
  await expect(details).toContainText("link.reason");
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "trace-detail");

  // Folding the root hides its children; unfolding brings them back.
  await page.keyboard.press("Escape");
  await expect(details).toHaveCount(0);
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowLeft");
  await expect(spans).toHaveCount(1);
  await expect(tree.getByRole("treeitem").first()).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("ArrowRight");
  await expect(spans).toHaveCount(3);
});

test("a trace whose root span has not arrived shows as in progress; the root service filter lists only services traces enter by", async ({ page, baseURL }) => {
  const workspace = `e2e-traces-progress-${Date.now()}`;
  // A long idle window: the unfinished trace stays open for the whole test.
  await putSettings(baseURL!, workspace, { trace_idle_ms: 600_000 });
  await allowKeylessIngest(baseURL!, workspace);
  const headers = { "X-Workspace-ID": workspace };
  const checkout = sdkClient({ baseUrl: baseURL!, format: "protobuf", service: "checkout", headers });
  const users = sdkClient({ baseUrl: baseURL!, format: "protobuf", service: "users", headers });
  const start = Date.now() - 100;
  // checkout → users, complete: users is called, but never enters a trace.
  const root = checkout.tracer.startSpan("POST /orders", { kind: SpanKind.SERVER, startTime: start, attributes: { "http.request.method": "POST", "http.route": "/orders" } });
  users.tracer.startSpan("GET /users/:id", { kind: SpanKind.SERVER, startTime: start + 5, attributes: { "http.request.method": "GET", "http.route": "/users/:id" } }, trace.setSpan(context.active(), root)).end(start + 15);
  root.end(start + 20);
  // The same call in a request still in flight: its root span has not ended, so it is not sent.
  const inFlight = checkout.tracer.startSpan("POST /orders", { kind: SpanKind.SERVER, startTime: start + 30 });
  users.tracer.startSpan("GET /users/:id", { kind: SpanKind.SERVER, startTime: start + 35 }, trace.setSpan(context.active(), inFlight)).end(start + 45);
  await Promise.all([checkout.flush(), users.flush()]);
  await Promise.all([checkout.shutdown(), users.shutdown()]);
  const completed = await apiFetch(`${baseURL}/api/v1/workspaces/${workspace}/telemetry/traces/${root.spanContext().traceId}/complete`, { method: "POST" });
  expect(completed.status).toBe(200);

  await page.goto(`/w/${workspace}/traces`);
  const inProgress = page.locator(`[data-testid="trace-row"][data-trace-id="${inFlight.spanContext().traceId}"]`);
  await expect(inProgress.getByTestId("trace-in-progress")).toHaveText("in progress");
  await expect(inProgress).toContainText("waiting for the root span");
  await expect(inProgress).toContainText("so far: users");
  await expect(inProgress).not.toContainText("unknown");
  const done = page.locator(`[data-testid="trace-row"][data-trace-id="${root.spanContext().traceId}"]`);
  await expect(done).toContainText("POST /orders");
  await expect(done.getByTestId("trace-in-progress")).toHaveCount(0);
  await expect(page.getByLabel("Root service").locator("option")).toHaveText(["All root services", "checkout"]);
  await page.screenshot({ path: "e2e/screenshots/traces-in-progress-light.png" });
});

test("an unknown trace id says so", async ({ page, pageErrors }) => {
  pageErrors.allow(/status of 404/, "the trace does not exist", { url: /\/telemetry\/traces\/0af7651916cd43dd8448eb211c80319c$/ });
  await page.goto(`/w/e2e-missing-${Date.now()}/traces/0af7651916cd43dd8448eb211c80319c`);
  await expect(page.getByRole("heading", { name: "Trace not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to recent traces" })).toBeVisible();
});

test("an empty workspace tells the user how to send traces", async ({ page }) => {
  await page.goto(`/w/empty-${Date.now()}/traces`);
  await expect(page.getByRole("heading", { name: "No traces yet" })).toBeVisible();
  await expect(page.getByText("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")).toBeVisible();
  // The demo command sends to this workspace, not to `default`.
  await expect(page.getByTestId("demo-command")).toContainText(/DEMO_WORKSPACE=empty-\d+ npm run demo/);
});
