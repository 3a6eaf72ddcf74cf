// The Flows journey: browse the flow list (risk order, drift filter, sorting, search, URL state),
// then open a flow and read its path, charts, representative trace and variants.
import { expect, test, type Page } from "./support/test";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";
import { fastDriftWorkspace, sendOrderLookups, sendOrders, waitFor } from "./support/seed-traffic";
import { apiFetch } from "./support/session";

interface ListedFlow {
  id: string;
  name: string;
  path: { identifier: string }[];
}

async function api<T>(baseURL: string, workspace: string, path: string): Promise<T> {
  const response = await apiFetch(`${baseURL}/api/v1/workspaces/${workspace}${path}`);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

const rows = (page: Page) => page.getByTestId("flow-row");

test("browse flows: risk order, drifted only, sorting and search live in the URL", async ({ page, baseURL }) => {
  const workspace = `flows-${Date.now()}`;
  await fastDriftWorkspace(baseURL!, workspace, 3);
  await sendOrders(baseURL!, workspace, { count: 6, service: "catalog", method: "GET", route: "/products" });
  await sendOrders(baseURL!, workspace, { count: 4, service: "checkout", peers: ["payments"], errorShare: 1 });
  await sendOrders(baseURL!, workspace, { count: 3, service: "accounts", route: "/signup", peers: ["loyalty"] });
  await sendOrders(baseURL!, workspace, { count: 2, service: "accounts", route: "/signup", peers: ["fraud", "loyalty"] });
  await waitFor(
    () => api<{ total: number }>(baseURL!, workspace, "/telemetry/drift?state=open"),
    (body) => body.total === 1,
  );

  await page.goto(`/w/${workspace}/flows`);
  await expect(page.getByRole("heading", { name: "Flows", level: 1 })).toBeVisible();
  await expect(rows(page)).toHaveCount(4);
  // Riskiest first: the flow whose payment call always fails.
  await expect(page.getByRole("columnheader", { name: "Risk" })).toHaveAttribute("aria-sort", "descending");
  await expect(rows(page).first()).toContainText("checkout → POST /orders");
  await expect(rows(page).first().getByTestId("risk-badge")).toContainText("medium");
  await expect(page.getByTestId("flow-page-range")).toHaveText("1–4 of 4");
  await expect(page.getByRole("link", { name: "Export checkout → POST /orders" })).toHaveAttribute("href", /\/flows\/[0-9a-f-]{36}\/export$/);
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "flows");

  // j and k walk the rows from the keyboard.
  await page.keyboard.press("j");
  await expect(rows(page).first().getByRole("link", { name: "checkout → POST /orders", exact: true })).toBeFocused();
  await page.keyboard.press("j");
  await expect(rows(page).nth(1).getByRole("link", { name: "catalog → GET /products", exact: true })).toBeFocused();
  await page.keyboard.press("k");
  await expect(rows(page).first().getByRole("link", { name: "checkout → POST /orders", exact: true })).toBeFocused();

  // Drifted only: the two paths of the entry point whose path changed.
  await page.getByRole("checkbox", { name: "Drifted only" }).check();
  await expect(page).toHaveURL(/drifted=true/);
  await expect(rows(page)).toHaveCount(2);
  for (const row of await rows(page).all()) {
    await expect(row).toContainText("accounts → POST /signup");
    await expect(row.getByTestId("drift-mark")).toBeVisible();
    await expect(row.getByRole("link", { name: /^Drifted: open the drift alert/ })).toHaveAttribute("href", new RegExp(`/w/${workspace}/drift/[^/]+$`));
  }

  // Another column: occurrences, largest first, then smallest first on a second click.
  const occurrences = () => rows(page).locator("td:nth-child(4)").allTextContents();
  await page.getByRole("button", { name: "Occurrences" }).click();
  await expect(page.getByRole("columnheader", { name: "Occurrences" })).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/sort=occurrence_count/);
  await expect.poll(occurrences).toEqual(["3", "2"]);
  await page.getByRole("button", { name: "Occurrences" }).click();
  await expect(page.getByRole("columnheader", { name: "Occurrences" })).toHaveAttribute("aria-sort", "ascending");
  await expect.poll(occurrences).toEqual(["2", "3"]);
  // The back button restores the previous sort; the URL is the state.
  await page.goBack();
  await expect(page.getByRole("columnheader", { name: "Occurrences" })).toHaveAttribute("aria-sort", "descending");
  await expect.poll(occurrences).toEqual(["3", "2"]);

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(rows(page)).toHaveCount(4);
  await expect.poll(occurrences).toEqual(["6", "4", "3", "2"]);

  // `/` focuses the search; typing filters after a pause.
  await page.locator("body").press("/");
  await expect(page.getByRole("searchbox", { name: "Search flows" })).toBeFocused();
  await page.keyboard.type("catalog");
  await expect(page).toHaveURL(/q=catalog/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("catalog → GET /products");

  // A search that matches nothing offers to clear the filters.
  await page.getByRole("searchbox", { name: "Search flows" }).fill("no-such-flow");
  await expect(page.getByRole("heading", { name: "No flows match these filters" })).toBeVisible();
  await page.getByRole("main").getByRole("button", { name: "Clear filters" }).last().click();
  await expect(rows(page)).toHaveCount(4);
  await expect(page.getByRole("searchbox", { name: "Search flows" })).toHaveValue("");

  // A shared link opens the same view.
  await page.goto(`/w/${workspace}/flows?service=checkout`);
  await expect(page.getByRole("combobox", { name: "Entry service" })).toHaveValue("checkout");
  await expect(rows(page)).toHaveCount(1);
});

test("open a flow: path graph, charts, representative trace and explained variants", async ({ page, baseURL }) => {
  const workspace = `flow-detail-${Date.now()}`;
  await sendOrders(baseURL!, workspace, { count: 4, tier: "gold", peers: ["loyalty"] });
  await sendOrders(baseURL!, workspace, { count: 4, tier: "standard" });
  const { flows } = await api<{ flows: ListedFlow[] }>(baseURL!, workspace, "/telemetry/flows");
  expect(flows).toHaveLength(2);
  const gold = flows.find((f) => f.path.some((n) => n.identifier === "loyalty"))!;
  const standard = flows.find((f) => f.id !== gold.id)!;
  // Explanations are worked out in the background, every few seconds.
  await waitFor(
    () => api<{ explanations: unknown[] }>(baseURL!, workspace, `/telemetry/flows/${gold.id}`),
    (flow) => flow.explanations.length > 0,
    30_000,
  );

  // Variants of one entry point are named by what sets them apart.
  expect(gold.name).toBe("checkout → POST /orders · + loyalty");
  expect(standard.name).toBe("checkout → POST /orders · without loyalty");

  await page.goto(`/w/${workspace}/flows`);
  await rows(page).and(page.locator(`[data-flow-id="${gold.id}"]`)).getByRole("link", { name: gold.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/flows/${gold.id}$`));
  await expect(page.getByRole("heading", { name: gold.name, level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/checkout → POST \/orders · \+ loyalty/);
  await expect(page.getByRole("link", { name: `Export ${gold.name}` })).toHaveAttribute("href", `/w/${workspace}/flows/${gold.id}/export`);

  const statistics = page.getByRole("region", { name: "Flow statistics" });
  await expect(statistics).toContainText("Occurrences");
  await expect(statistics).toContainText("4");

  const graph = page.getByTestId("flow-path-graph");
  await expect(graph.getByTestId("path-node")).toHaveCount(gold.path.length);
  await expect(graph.getByTestId("path-node").last()).toContainText("loyalty");
  await expect(graph.locator(".react-flow__edge")).toHaveCount(gold.path.length - 1);

  await expect(page.getByTestId("flow-chart")).toHaveCount(3);
  for (const caption of ["Occurrences per hour", "P95 duration per hour", "Error rate per hour"]) {
    await expect(page.getByRole("figure", { name: new RegExp(caption) })).toBeVisible();
  }
  await expect(page.getByTestId("flow-chart").first().locator(".recharts-bar-rectangle path").first()).toBeVisible();

  await expect(page.getByTestId("flow-waterfall")).toContainText("POST /orders");
  await expect(page.getByTestId("flow-waterfall")).toContainText("loyalty");

  const variants = page.getByTestId("flow-variant");
  await expect(variants).toHaveCount(2);
  await expect(variants.first()).toContainText("This flow");
  await expect(variants.first().getByTestId("flow-variant-label")).toHaveText("+ loyalty");
  await expect(variants.nth(1).getByTestId("flow-variant-label")).toHaveText("without loyalty");
  await expect(variants.first().getByTestId("flow-explanation")).toContainText("customer.tier = gold");
  // The explanation counts this variant's own traces, as the count beside it does.
  await expect(variants.first()).toContainText("4 traces");
  await expect(variants.first().getByTestId("flow-explanation")).toContainText("(4 of 4 sampled traces)");
  await expect(page.getByTestId("flow-samples").getByRole("link")).toHaveCount(4);
  await expect(page.getByTestId("flow-executions")).toContainText("npx flowprint run");

  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "flow-detail");

  // The other variant is one click away.
  await variants.nth(1).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/flows/${standard.id}$`));
  await expect(page.getByTestId("flow-variant").first()).toContainText("This flow");
  await expect(page.getByTestId("path-node")).toHaveCount(standard.path.length);
});

test("a failed client call shows as an error of the endpoint it called", async ({ page, baseURL }) => {
  const workspace = `client-errors-${Date.now()}`;
  await sendOrderLookups(baseURL!, workspace, { count: 10, notFound: 3 });
  const { flows } = await api<{ flows: ListedFlow[] }>(baseURL!, workspace, "/telemetry/flows");
  await page.goto(`/w/${workspace}/flows/${flows[0].id}`);
  const nodes = page.getByTestId("flow-path-graph").getByTestId("path-node");
  await expect(nodes).toHaveCount(3);
  // The gateway's 404s are its client span's; the orders endpoint it called carries them.
  await expect(nodes.filter({ hasText: "GET /orders/:id" })).toContainText("err 30");
  await expect(nodes.filter({ hasText: "GET /api/v1/orders/:id" })).toContainText("err 0");
});

test("a flow that does not exist, and a workspace without flows", async ({ page, pageErrors }) => {
  const workspace = `flows-empty-${Date.now()}`;
  const missing = crypto.randomUUID();
  pageErrors.allow(/status of 404/, "the flow does not exist", { url: new RegExp(`/telemetry/flows/${missing}$`) });
  await page.goto(`/w/${workspace}/flows/${missing}`);
  await expect(page.getByRole("heading", { name: "Flow not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to all flows" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspace}/flows$`));
  await expect(page.getByRole("heading", { name: "No flows yet" })).toBeVisible();
  await expect(page.getByText("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
