// A first session: no alert can open yet, and the Drift page says how far each entry point's
// baseline has come instead of showing nothing.
import { expect, test } from "./support/test";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";
import { putSettings, sendOrders, waitFor } from "./support/seed-traffic";
import { apiFetch } from "./support/session";

interface Learning {
  learning: number;
  ready: number;
  entry_points: { entry_operation: string; traces_seen: number; ready: boolean }[];
}

test("the Drift page shows each entry point's learning progress before the first alert", async ({ page, baseURL }) => {
  const workspace = `e2e-learning-${Date.now()}`;
  const learningApi = () => apiFetch(`${baseURL}/api/v1/workspaces/${workspace}/telemetry/drift/learning`).then((r) => r.json() as Promise<Learning>);
  // POST /payments learns from 2 traces and is done by its third; then the window grows to
  // 3 hours and 10 traces, so POST /orders is still learning (learned entry points stay learned).
  await putSettings(baseURL!, workspace, { drift_learning_ms: 0, drift_learning_traces: 2 });
  await sendOrders(baseURL!, workspace, { count: 3, route: "/payments" });
  await waitFor(learningApi, (l) => l.ready === 1);
  await putSettings(baseURL!, workspace, { drift_learning_ms: 3 * 3_600_000, drift_learning_traces: 10 });
  await sendOrders(baseURL!, workspace, { count: 4 });
  await waitFor(learningApi, (l) => l.entry_points.some((e) => e.entry_operation === "POST /orders" && e.traces_seen === 4));

  await page.goto(`/w/${workspace}/drift`);
  await expect(page.getByRole("heading", { name: "No drift yet: learning" })).toBeVisible();
  await expect(page.getByTestId("no-drift-status")).toContainText("1 of 2 entry points are still learning");
  const card = page.getByTestId("drift-learning");
  await expect(card.getByRole("heading", { name: "Learning baselines" })).toBeVisible();
  await expect(card.getByTestId("drift-learning-summary")).toHaveText("1 learning, 1 ready");
  await expect(page.getByText(/during a learning window: its first 3 hours of traffic and its first 10 traces, whichever ends later/)).toBeVisible();

  // Still learning: traces so far and time left; the bar follows the slower half (the time).
  const orders = card.getByRole("progressbar", { name: "Baseline learning of checkout POST /orders" });
  await expect(orders).toHaveAttribute("aria-valuemin", "0");
  await expect(orders).toHaveAttribute("aria-valuemax", "100");
  await expect(orders).toHaveAttribute("aria-valuenow", "0");
  await expect(orders).toHaveAttribute("aria-valuetext", "4 of 10 traces, about 3 h left");
  const ordersRow = card.getByTestId("learning-entry").filter({ hasText: "POST /orders" });
  await expect(ordersRow).toContainText("4 of 10 traces");
  await expect(ordersRow).toContainText("about 3 h left");

  // Ready ones wait behind a button, so the list leads with what is still learning.
  await expect(card.getByRole("progressbar", { name: /POST \/payments/ })).toHaveCount(0);
  await card.getByRole("button", { name: "Show 1 ready entry point" }).click();
  const payments = card.getByRole("progressbar", { name: "Baseline learning of checkout POST /payments" });
  await expect(payments).toHaveAttribute("aria-valuenow", "100");
  const paymentsRow = card.getByTestId("learning-entry").filter({ hasText: "POST /payments" });
  await expect(paymentsRow).toContainText("3 traces");
  await expect(paymentsRow).toContainText("baseline ready");

  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "drift-learning");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/drift-learning-${scheme}.png`, fullPage: true });
  }
});

test("the learning API names a bad limit", async ({ baseURL }) => {
  const response = await apiFetch(`${baseURL}/api/v1/workspaces/default/telemetry/drift/learning?limit=0`);
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error: { issues: { path: string }[] } };
  expect(body.error.issues[0].path).toBe("limit");
});
