import { context, SpanKind, trace } from "@opentelemetry/api";
import { expect, test, type Page } from "./support/test";
import { recordCheckoutTrace, sdkClient } from "../tests/support/otel-sdk";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";
import { sendSearchTraffic } from "./support/seed-search-traffic";
import { putSettings, sendOrders } from "./support/seed-traffic";
import { allowKeylessIngest, apiFetch } from "./support/session";

/** The list's rows and the scatter's points: the same traces, always as many. */
async function expectTraces(page: Page, ids: string[]) {
  const rows = page.getByTestId("trace-row");
  await expect(rows).toHaveCount(ids.length);
  for (const id of ids) await expect(page.locator(`[data-testid="trace-row"][data-trace-id="${id}"]`)).toBeVisible();
  await expect(page.getByTestId("trace-scatter-point")).toHaveCount(ids.length);
  for (const id of ids) await expect(page.locator(`[data-testid="trace-scatter-point"][data-trace-id="${id}"]`)).toHaveCount(1);
}

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

  // Service: only the traces with a billing span.
  const service = page.getByRole("combobox", { name: "Service", exact: true });
  await service.selectOption("billing");
  await expect(page).toHaveURL(/service=billing/);
  await expectTraces(page, billingIds);

  // Status: errors only, across every service.
  await service.selectOption("");
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
  await expectTraces(page, [billingIds[0]]);
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

test("a trace whose root span has not arrived shows as in progress; the service filter lists called services too", async ({ page, baseURL }) => {
  const workspace = `e2e-traces-progress-${Date.now()}`;
  // A long idle window: the unfinished trace stays open for the whole test.
  await putSettings(baseURL!, workspace, { trace_idle_ms: 600_000 });
  await allowKeylessIngest(baseURL!, workspace);
  const headers = { "X-Workspace-ID": workspace };
  const checkout = sdkClient({ baseUrl: baseURL!, format: "protobuf", service: "checkout", headers });
  const users = sdkClient({ baseUrl: baseURL!, format: "protobuf", service: "users", headers });
  const start = Date.now() - 100;
  // checkout → users, complete: users is called, never entered by, and still a service to search by.
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
  await expect(page.getByRole("combobox", { name: "Service", exact: true }).locator("option")).toHaveText(["All services", "checkout", "users"]);
  await page.screenshot({ path: "e2e/screenshots/traces-in-progress-light.png" });
});

test("search by a called service, an attribute and a duration; the scatter plots the rows and opens a trace; the URL keeps the query", async ({ page, baseURL }) => {
  const workspace = `e2e-trace-search-${Date.now()}`;
  const traces = await sendSearchTraffic(baseURL!, workspace);
  const ids = (keep: (t: (typeof traces)[number]) => boolean) => traces.filter(keep).map((t) => t.traceId);

  await page.goto(`/w/${workspace}/traces`);
  await expectTraces(page, ids(() => true));
  await expect(page.getByTestId("trace-scatter-summary")).toContainText("Duration over start time of the 5 traces listed below");
  await expect(page.getByTestId("trace-scatter-summary")).toContainText("1 with errors");
  await expect(page.getByTestId("trace-scatter-summary")).toContainText("the slowest is storefront · POST /checkout (700 ms)");
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "traces-scatter");

  // Hovering a point names its trace.
  const slowest = traces[4];
  await page.locator(`[data-testid="trace-scatter-point"][data-trace-id="${slowest.traceId}"]`).hover();
  await expect(page.locator(".recharts-tooltip-wrapper")).toContainText("storefront · POST /checkout");
  await expect(page.locator(".recharts-tooltip-wrapper")).toContainText("700 ms");
  await page.mouse.move(0, 0);

  // A log scale, a tick a decade, for durations far apart.
  const logScale = page.getByRole("checkbox", { name: "Log scale" });
  await logScale.check();
  await expect(page.locator(".recharts-yAxis-tick-labels")).toHaveText(/^10ms.*100ms.*1s$/);
  await expect(page.getByTestId("trace-scatter-point")).toHaveCount(traces.length);
  await page.screenshot({ path: "e2e/screenshots/traces-scatter-log-light.png" });
  await logScale.uncheck();

  // payments never enters a trace, yet it is a service to search by; its operations are offered.
  await page.getByRole("combobox", { name: "Service", exact: true }).selectOption("payments");
  await expect(page).toHaveURL(/[?&]service=payments(&|$)/);
  await expectTraces(page, ids((t) => t.provider !== undefined));
  await expect(page.locator("#trace-operation-filter-choices option")).toHaveCount(1);
  await expect(page.locator("#trace-operation-filter-choices option")).toHaveAttribute("value", "POST /charges");

  // An attribute filter is read as it is typed, by the server's parser, and becomes a chip.
  const attribute = page.getByRole("textbox", { name: "Attributes" });
  await attribute.fill("payment.provider acme");
  await expect(page.getByTestId("trace-attribute-filter-message")).toHaveText('"payment.provider acme" is not key:value, key!=value or key exists');
  await attribute.fill("payment.provider:acme");
  await expect(page.getByTestId("trace-attribute-filter-message")).toHaveText('Enter adds: a span has payment.provider = "acme".');
  await attribute.press("Enter");
  await expect(page.getByTestId("attribute-chip")).toHaveText(["payment.provider:acme"]);
  await expect(page).toHaveURL(/[?&]attr=payment\.provider%3Aacme(&|$)/);
  await expectTraces(page, ids((t) => t.provider === "acme"));

  // Minimum trace duration: a bad value is explained and not searched; a good one on Enter.
  const minimum = page.getByRole("textbox", { name: "Minimum duration (ms)" });
  await minimum.fill("slow");
  await minimum.press("Enter");
  await expect(page.getByTestId("trace-duration-message")).toHaveText("The minimum must be a number of milliseconds, 0 or more (like 250 or 0.5).");
  await expect(page).not.toHaveURL(/min_duration_ms/);
  await minimum.fill("500");
  await minimum.press("Enter");
  await expect(page).toHaveURL(/[?&]min_duration_ms=500(&|$)/);
  await expectTraces(page, [slowest.traceId]);
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "traces-filtered");

  // A reload restores the whole query from the URL.
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Service", exact: true })).toHaveValue("payments");
  await expect(page.getByTestId("attribute-chip")).toHaveText(["payment.provider:acme"]);
  await expect(minimum).toHaveValue("500");
  await expectTraces(page, [slowest.traceId]);

  // The back button undoes the last filter.
  await page.goBack();
  await expect(minimum).toHaveValue("");
  await expectTraces(page, ids((t) => t.provider === "acme"));
  await page.goForward();
  await expectTraces(page, [slowest.traceId]);

  // Clicking a point opens its trace; back returns to the same search.
  await page.locator(`[data-testid="trace-scatter-point"][data-trace-id="${slowest.traceId}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/traces/${slowest.traceId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "POST /checkout" })).toBeVisible();
  await page.goBack();
  await expectTraces(page, [slowest.traceId]);

  // Clear filters: everything, and the URL with it.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspace}/traces$`));
  await expect(page.getByTestId("attribute-chip")).toHaveCount(0);
  await expectTraces(page, ids(() => true));

  // An operation typed without a service: any service's span of that name.
  const operation = page.getByRole("combobox", { name: "Operation" });
  await operation.fill("GET /products");
  await operation.press("Enter");
  await expect(page).toHaveURL(/[?&]operation=GET\+%2Fproducts(&|$)/);
  await expectTraces(page, ids((t) => t.operation === "GET /products"));

  // Status and time range; the range goes to the API as `from`, relative to the time of asking.
  await page.getByRole("radio", { name: "Errors" }).click();
  await expect(page.getByRole("heading", { name: "No traces match these filters" })).toBeVisible();
  await operation.fill("");
  await operation.press("Enter");
  await expectTraces(page, ids((t) => t.failed));
  const ranged = page.waitForRequest((request) => /\/telemetry\/traces\?/.test(request.url()) && new URL(request.url()).searchParams.has("from"));
  await page.getByRole("combobox", { name: "Time range" }).selectOption({ label: "Last 15 minutes" });
  await expect(page).toHaveURL(/[?&]since=15m(&|$)/);
  const from = Number(new URL((await ranged).url()).searchParams.get("from"));
  expect(Math.abs(Date.now() - 15 * 60_000 - from)).toBeLessThan(60_000);
  await expectTraces(page, ids((t) => t.failed));
});

test("when the search stops at its scan bound, Search further back asks again before that time", async ({ page, baseURL }) => {
  const workspace = `e2e-trace-search-back-${Date.now()}`;
  const traces = await sendSearchTraffic(baseURL!, workspace);
  // The scan bound needs more traces than a test sends: the answer says the bound was reached at
  // the third trace's start, as a search over a large store would.
  const searchedBackTo = new Date(traces[2].startMs).toISOString();
  const asked: URL[] = [];
  await page.route(/\/telemetry\/traces\?/, async (route) => {
    const url = new URL(route.request().url());
    asked.push(url);
    const response = await route.fetch();
    const body = (await response.json()) as { searched_back_to: string | null };
    await route.fulfill({ response, json: url.searchParams.has("to") ? body : { ...body, searched_back_to: searchedBackTo } });
  });

  await page.goto(`/w/${workspace}/traces?service=storefront`);
  const notice = page.getByTestId("searched-back-notice");
  await expect(notice).toContainText("Searched traces back to");
  await expectTraces(page, traces.map((t) => t.traceId));
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "traces-search-further");

  await notice.getByRole("button", { name: "Search further back" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]to=${encodeURIComponent(searchedBackTo)}(&|$)`));
  await expect(page).toHaveURL(/[?&]service=storefront(&|$)/);
  await expectTraces(page, [traces[0].traceId, traces[1].traceId]);
  expect(asked.at(-1)?.searchParams.get("to")).toBe(searchedBackTo);
  await expect(page.getByTestId("trace-search-before")).toContainText("Started before");
  await page.screenshot({ path: "e2e/screenshots/traces-searched-back-light.png" });
  await expect(notice).toHaveCount(0);

  // The chip's × goes back to the newest traces.
  await page.getByRole("button", { name: "Back to the newest traces" }).click();
  await expect(page).not.toHaveURL(/[?&]to=/);
  await expectTraces(page, traces.map((t) => t.traceId));
});

test("a value the server refuses is shown at its field, not as a page error", async ({ page, baseURL, pageErrors }) => {
  pageErrors.allow(/status of 400/, "the search refuses the filter on purpose", { url: /\/telemetry\/traces\?/ });
  const workspace = `e2e-trace-search-refused-${Date.now()}`;
  const traces = await sendSearchTraffic(baseURL!, workspace);

  // A shared link with an attribute filter the parser cannot read.
  await page.goto(`/w/${workspace}/traces?attr=oops`);
  await expect(page.getByTestId("trace-attribute-filter-message")).toHaveText('Attribute filter: "oops" is not key:value, key!=value or key exists');
  await expect(page.getByRole("textbox", { name: "Attributes" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("attribute-chip")).toContainText("not a valid filter");
  await expect(page.getByRole("heading", { name: "This search cannot run" })).toBeVisible();
  await expect(page.getByText("Could not load traces")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "traces-refused");
  await page.getByRole("button", { name: "Remove attribute filter oops" }).click();
  await expectTraces(page, traces.map((t) => t.traceId));

  // A search-back time outside the range asked for.
  await page.goto(`/w/${workspace}/traces?since=15m&to=2020-01-01T00:00:00Z`);
  await expect(page.getByTestId("trace-time-range-message")).toHaveText("Search-back time (to): must be after from");
  await expect(page.getByRole("combobox", { name: "Time range" })).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Back to the newest traces" }).click();
  await expectTraces(page, traces.map((t) => t.traceId));
});

test("paging through a filtered search keeps the filters", async ({ page, baseURL }) => {
  const workspace = `e2e-trace-search-pages-${Date.now()}`;
  // 52 gold traces beside 3 standard ones, in batches the exporter takes at once.
  const gold: string[] = [];
  for (let batch = 0; batch < 52 / 13; batch++) gold.push(...(await sendOrders(baseURL!, workspace, { count: 13, tier: "gold" })));
  await sendOrders(baseURL!, workspace, { count: 3, tier: "standard" });

  await page.goto(`/w/${workspace}/traces?attr=customer.tier%3Agold`);
  const range = page.getByTestId("trace-page-range");
  await expect(page.getByTestId("trace-row")).toHaveCount(50);
  await expect(page.getByTestId("trace-scatter-point")).toHaveCount(50);
  // Not counted (an attribute search is not), so no total: Older is offered while more follow.
  await expect(range).toHaveText("1–50");
  await page.getByRole("button", { name: "Older" }).click();
  await expect(page).toHaveURL(/[?&]attr=customer\.tier%3Agold&page=2$/);
  await expect(page.getByTestId("trace-row")).toHaveCount(2);
  await expect(range).toHaveText("51–52 of 52");
  await expect(page.getByRole("button", { name: "Older" })).toBeDisabled();
  const shown = await page.getByTestId("trace-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-trace-id")));
  for (const id of shown) expect(gold).toContain(id);
  await page.getByRole("button", { name: "Newer" }).click();
  await expect(page).not.toHaveURL(/page=/);
  await expect(page.getByTestId("trace-row")).toHaveCount(50);
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
