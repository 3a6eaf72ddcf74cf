// Export all variants: from a flow's Variants card, one test file per variant, each listed with
// the explanation it asserts and its own download.
import { readFileSync } from "node:fs";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";
import { expect, test } from "./support/test";
import { sendOrders, waitFor } from "./support/seed-traffic";
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

test("export every variant of a flow's entry point, each file asserting why its path is taken", async ({ page, baseURL }) => {
  const workspace = `variant-export-${Date.now()}`;
  await sendOrders(baseURL!, workspace, { count: 4, tier: "gold", peers: ["loyalty"] });
  await sendOrders(baseURL!, workspace, { count: 4, tier: "standard" });
  const { flows } = await api<{ flows: ListedFlow[] }>(baseURL!, workspace, "/telemetry/flows");
  const gold = flows.find((f) => f.path.some((n) => n.identifier === "loyalty"))!;
  // Explanations are worked out in the background, every few seconds.
  await waitFor(
    () => api<{ explanations: unknown[] }>(baseURL!, workspace, `/telemetry/flows/${gold.id}`),
    (flow) => flow.explanations.length > 0,
    30_000,
  );

  await page.goto(`/w/${workspace}/flows/${gold.id}`);
  const box = page.getByTestId("export-variants");
  await box.getByRole("button", { name: "Export all variants" }).click();
  const files = box.getByRole("list", { name: "Exported variant tests" }).getByTestId("variant-test-file");
  await expect(files).toHaveCount(2);
  const goldFile = files.filter({ hasText: "+ loyalty" });
  await expect(goldFile).toContainText("loyalty is called only when customer.tier = gold");
  await expectNoSeriousA11yViolations(page);
  await box.scrollIntoViewIfNeeded();
  await screenshotBothThemes(page, "variant-export");

  const [download] = await Promise.all([page.waitForEvent("download"), goldFile.getByRole("button", { name: /^Download / }).click()]);
  expect(download.suggestedFilename()).toMatch(/^checkout-post-orders-loyalty-[0-9a-f]{8}\.yaml$/);
  const yaml = readFileSync((await download.path())!, "utf8");
  expect(yaml).toContain(".attributes['customer.tier'] == 'gold') implies trace.spans | any(.service == 'loyalty'");
  expect(yaml).toContain(".attributes['db.operation.name'] == 'INSERT')");
});
