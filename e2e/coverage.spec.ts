// What is untested: the Coverage page lists uncovered endpoints riskiest first, exports an
// uncovered flow's test in one click, and once that test passes (run with the CLI against a
// system that traces into this Flowprint) the page and the service graph mark it covered.
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./support/test";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";
import { startInstrumentedOrders } from "./support/instrumented-orders";
import { sendOrderLookups, waitFor } from "./support/seed-traffic";
import { runFlowprintCli } from "./support/run-cli";
import { apiFetch, createApiToken } from "./support/session";

test("the coverage page shows what is untested riskiest first, exports it in one click, and marks it covered once its test passed, here and on the graph", async ({ page, baseURL }) => {
  test.setTimeout(150_000);
  const workspace = `coverage-${Date.now()}`;
  // Order look-ups, half of them failing: the riskier flow, through two endpoints.
  await sendOrderLookups(baseURL!, workspace, { count: 6, notFound: 3 });
  const system = await startInstrumentedOrders(baseURL!, workspace);
  try {
    for (let i = 0; i < 3; i++) await system.order();
    for (const id of system.traceIds) expect((await apiFetch(`${baseURL}/api/v1/workspaces/${workspace}/telemetry/traces/${id}/complete`, { method: "POST" })).ok).toBe(true);
    await waitFor(
      async () => (await apiFetch(`${baseURL}/api/v1/workspaces/${workspace}/telemetry/flows`)).json() as Promise<{ total: number }>,
      (body) => body.total === 2,
    );

    await page.goto(`/w/${workspace}/coverage`);
    await expect(page.getByRole("heading", { name: "Coverage", level: 1 })).toBeVisible();
    await expect(page.getByTestId("coverage-ratio")).toHaveText("0%");
    await expect(page.getByTestId("coverage-summary")).toContainText("0 of 3 endpoints");
    const endpointRows = page.getByTestId("endpoint-coverage-row");
    await expect(endpointRows).toHaveCount(3);
    // Riskiest first: the failing look-ups' endpoints before the order placement's.
    await expect(endpointRows.nth(0)).toContainText("/api/v1/orders/:id");
    await expect(endpointRows.nth(0)).toContainText("api-gateway");
    await expect(endpointRows.nth(1)).toContainText("/orders/:id");
    await expect(endpointRows.nth(2)).toContainText("/orders");
    await expect(endpointRows.nth(2)).toContainText("shop-orders");
    for (let i = 0; i < 3; i++) {
      await expect(endpointRows.nth(i).getByTestId("coverage-badge")).toHaveText("not covered");
      await expect(endpointRows.nth(i)).toContainText("never");
    }
    await expect(endpointRows.nth(0).getByRole("link", { name: "api-gateway → GET /api/v1/orders/:id" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshotBothThemes(page, "coverage-uncovered");

    // One click downloads the test the export API makes.
    const flowRows = page.getByTestId("flow-coverage-row");
    await expect(flowRows).toHaveCount(2);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export test for shop-orders → POST /orders" }).click();
    const download = await downloading;
    const { flows } = (await (await apiFetch(`${baseURL}/api/v1/workspaces/${workspace}/telemetry/flows?q=POST`)).json()) as { flows: { id: string }[] };
    const api = await (await apiFetch(`${baseURL}/api/v1/workspaces/${workspace}/telemetry/flows/${flows[0].id}/export`, { method: "POST" })).json();
    expect(download.suggestedFilename()).toBe(api.file_name);
    const file = await readFile((await download.path())!, "utf8");
    expect(file).toBe(api.yaml);
    expect(file).toContain("expect_trace:");

    // The test, run where it was saved, passes against the system.
    const dir = await mkdtemp(path.join(tmpdir(), "flowprint-e2e-coverage-"));
    await download.saveAs(path.join(dir, download.suggestedFilename()));
    const run = await runFlowprintCli(["run", download.suggestedFilename(), "--server", baseURL!, "--workspace", workspace], dir, { FLOWPRINT_API_TOKEN: await createApiToken(baseURL!, workspace) });
    expect(run.code, run.output).toBe(0);

    await page.reload();
    await expect(page.getByTestId("coverage-ratio")).toHaveText("33.3%");
    await expect(endpointRows.nth(2).getByTestId("coverage-badge")).toHaveText("covered");
    await expect(endpointRows.nth(2)).toContainText(/ago|just now/);
    await expect(endpointRows.nth(0).getByTestId("coverage-badge")).toHaveText("not covered");
    const placed = flowRows.filter({ hasText: "shop-orders → POST /orders" });
    await expect(placed.getByTestId("coverage-badge")).toHaveText("covered");
    await expect(placed.getByRole("button", { name: /^Export test/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Export test for api-gateway → GET /api/v1/orders/:id" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshotBothThemes(page, "coverage");

    // The service graph marks the same: a tested service, an untested one, in words in the panel.
    await page.keyboard.press("g");
    await page.keyboard.press("g");
    await expect(page).toHaveURL(new RegExp(`/w/${workspace}/graph`));
    const shop = page.locator('.react-flow__node[data-id="service:shop-orders"]');
    await expect(shop.getByTestId("node-coverage")).toHaveAttribute("data-coverage", "covered");
    await expect(shop).toHaveAttribute("aria-label", /tests: covered/);
    await expect(page.locator('.react-flow__node[data-id="service:api-gateway"]').getByTestId("node-coverage")).toHaveAttribute("data-coverage", "uncovered");
    await expect(page.getByTestId("coverage-legend")).toContainText("tests: partly covered");
    await shop.click();
    const note = page.getByTestId("node-details").getByTestId("node-coverage-note");
    await expect(note.getByTestId("coverage-badge")).toHaveText("covered");
    await expect(note).toContainText("Every endpoint of this service had a passing test");
    await expectNoSeriousA11yViolations(page);
    await screenshotBothThemes(page, "coverage-graph");

    await page.goto(`/w/${workspace}/graph?view=endpoint`);
    await expect(page.locator('.react-flow__node[data-id="api_endpoint:POST /orders"]').getByTestId("node-coverage")).toHaveAttribute("data-coverage", "covered");
    await expect(page.locator('.react-flow__node[data-id="api_endpoint:GET /orders/:id"]').getByTestId("node-coverage")).toHaveAttribute("data-coverage", "uncovered");
    await expect(page.locator('.react-flow__node[data-id="database:orders"]').getByTestId("node-coverage")).toHaveCount(0);

    // g c comes back to the coverage page.
    await page.locator("body").press("g");
    await page.locator("body").press("c");
    await expect(page).toHaveURL(new RegExp(`/w/${workspace}/coverage$`));
    await expect(page.getByRole("link", { name: "Coverage", exact: true })).toHaveAttribute("aria-current", "page");
  } finally {
    await system.close();
  }
});

test("a wider window is kept in the URL, and a workspace without flows gets the empty state", async ({ page }) => {
  const workspace = `coverage-empty-${Date.now()}`;
  await page.goto(`/w/${workspace}/coverage`);
  await expect(page.getByRole("heading", { name: "No flows to cover yet" })).toBeVisible();
  await page.getByLabel("Passing runs of the last").selectOption("30");
  await expect(page).toHaveURL(/window_days=30/);
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "coverage-empty");
});
