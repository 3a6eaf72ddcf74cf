import { FAILING_CATEGORY, seedDiagnosisShop } from "../tests/support/seed-diagnosis-shop";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";
import { allowKeylessIngest } from "./support/session";
import { expect, test } from "./support/test";

test("a failing flow's diagnosis names where errors start and the value behind them; a contrast leads to a trace, compared with the representative", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const workspace = `e2e-diagnosis-${Date.now()}`;
  await allowKeylessIngest(baseURL!, workspace);
  const shop = await seedDiagnosisShop(baseURL!, workspace);

  await page.goto(`/w/${workspace}/flows`);
  await page.getByRole("link", { name: /POST \/api\/orders/ }).first().click();
  await page.getByRole("tab", { name: "Diagnosis" }).click();
  await expect(page).toHaveURL(/\?tab=diagnosis$/);
  const ordersDiagnosis = page.url();

  const diagnosis = page.getByTestId("diagnosis");
  await expect(diagnosis.getByTestId("diagnosis-summary")).toContainText("64 traces in this window: 8 failing (12.5%)");
  const origin = diagnosis.getByTestId("diagnosis-origin").first();
  await expect(origin).toContainText("products");
  await expect(origin).toContainText("GET /products/:id");
  await expect(origin).toContainText(`supplier feed for ${FAILING_CATEGORY} timed out`);
  await expect(diagnosis.getByTestId("diagnosis-chain").first()).toContainText(/products GET \/products\/:id.*gateway GET.*gateway POST \/api\/orders/);

  const contrast = diagnosis.getByTestId("diagnosis-error-contrasts").getByTestId("diagnosis-contrast").first();
  await expect(contrast).toContainText(`product.category = ${FAILING_CATEGORY}`);
  await expect(contrast).toContainText("on products GET /products/:id");
  await expect(contrast).toContainText("100%");
  // Slowness is the database's, and goes with gold customers.
  await expect(diagnosis.getByTestId("diagnosis-slow-node").first()).toContainText("shop");
  await expect(diagnosis.getByTestId("diagnosis-latency-contrasts").getByTestId("diagnosis-contrast").first()).toContainText("customer.tier = gold");
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "flow-diagnosis");

  // The read entry point's failures are random: the page says nothing separates them.
  await page.goto(`/w/${workspace}/flows`);
  await page.getByRole("link", { name: /GET \/api\/orders\/:id/ }).first().click();
  await page.getByRole("tab", { name: "Diagnosis" }).click();
  await expect(page.getByTestId("diagnosis-error-contrasts-note")).toHaveText("No attribute separates failing from passing traces.");

  // Back to the orders: follow the contrast's first example to its trace, then compare.
  await page.goto(ordersDiagnosis);
  const example = page.getByTestId("diagnosis-error-contrasts").getByTestId("diagnosis-contrast").first().getByTestId("diagnosis-example-trace").first();
  const exampleHref = await example.getAttribute("href");
  const traceId = exampleHref!.split("/").pop()!;
  expect(shop.failingOrderTraceIds).toContain(traceId);
  await example.click();
  await expect(page).toHaveURL(new RegExp(`/traces/${traceId}$`));
  await page.getByRole("link", { name: "Compare with representative" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare traces" })).toBeVisible();
  await expect(page.getByTestId("compared-trace-a").getByRole("link", { name: traceId })).toBeVisible();
  await expect(page.getByTestId("compare-row").first()).toBeVisible();
});
