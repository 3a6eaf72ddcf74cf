import { expect, test } from "./support/test";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";
import { fastDriftWorkspace, sendOrders, waitFor } from "./support/seed-traffic";
import { apiFetch } from "./support/session";

test("review a drift alert", async ({ page, baseURL }) => {
  const workspace = `e2e-drift-${Date.now()}`;
  await fastDriftWorkspace(baseURL!, workspace, 3);
  for (let i = 0; i < 3; i++) await sendOrders(baseURL!, workspace, { count: 1, peers: ["loyalty"] });
  await sendOrders(baseURL!, workspace, { count: 1, peers: ["fraud", "loyalty"] });
  // The server's drift sweep runs every second.
  const { alerts } = await waitFor(
    () => apiFetch(`${baseURL}/api/v1/workspaces/${workspace}/telemetry/drift?state=open`).then((r) => r.json() as Promise<{ alerts: { id: string }[]; total: number }>),
    (body) => body.total === 1,
  );
  const alertId = alerts[0].id;

  await page.goto(`/w/${workspace}/drift`);
  await expect(page.getByRole("heading", { level: 1, name: "Drift" })).toBeVisible();
  await expect(page.getByRole("tab", { name: /Open/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("drift-count-open")).toHaveText("1");
  await expect(page.getByTestId("open-drift-count")).toHaveText("1");
  const row = page.locator(`[data-testid="drift-row"][data-alert-id="${alertId}"]`);
  await expect(row).toContainText("checkout");
  await expect(row).toContainText("POST /orders");
  await expect(row).toContainText("New variant");
  await expect(row.getByRole("list", { name: "Path changes" })).toContainText("fraud");
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "drift");

  await row.getByRole("link", { name: /POST \/orders/ }).click();
  await expect(page).toHaveURL(new RegExp(`/drift/${alertId}$`));
  const diff = page.getByTestId("path-diff");
  await expect(diff.locator('[data-diff-kind="added"]')).toHaveCount(1);
  await expect(diff.locator('[data-diff-kind="added"]')).toContainText("fraud");
  await expect(diff.locator('[data-diff-kind="same"]').filter({ hasText: "loyalty" })).toHaveCount(2);
  await expect(page.getByText("Traffic share")).toBeVisible();
  await expect(page.getByTestId("example-traces").getByRole("link")).not.toHaveCount(0);
  await expect(page.getByTestId("drift-state")).toHaveText("Open");
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "drift-diff");

  await page.getByRole("button", { name: "Accept new path" }).click();
  await expect(page.getByTestId("drift-action-status")).toContainText("Accepted: the new path is part of the baseline now.");
  await expect(page.getByTestId("drift-state")).toHaveText("Accepted");
  await expect(page.getByRole("button", { name: "Accept new path" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Dismiss" })).toHaveCount(0);
  // The sidebar's open count refreshes at once: no open alert is left.
  await expect(page.getByTestId("open-drift-count")).toHaveCount(0);

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Drift" }).click();
  await expect(page.getByTestId("drift-count-open")).toHaveText("0");
  await expect(page.getByTestId("drift-empty-tab")).toContainText("No open drift");
  await expect(page.locator(`[data-alert-id="${alertId}"]`)).toHaveCount(0);
  await page.getByRole("tab", { name: /Accepted/ }).click();
  await expect(page).toHaveURL(/state=accepted/);
  await expect(page.locator(`[data-testid="drift-row"][data-alert-id="${alertId}"]`)).toBeVisible();
  await expect(page.getByTestId("drift-count-accepted")).toHaveText("1");
});

test("a workspace without drift explains how drift is found", async ({ page }) => {
  await page.goto(`/w/e2e-no-drift-${Date.now()}/drift`);
  await expect(page.getByRole("heading", { name: "No drift" })).toBeVisible();
  await expect(page.getByText(/during a learning window/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
