import { expect, test } from "./support/test";
import { sdkClient } from "../tests/support/otel-sdk";
import { recordDeclinedCheckout } from "../tests/support/record-diagnosis-traces";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";
import { allowKeylessIngest } from "./support/session";

test("a failed trace shows where its error starts and the critical path on the waterfall", async ({ page, baseURL }) => {
  const workspace = `e2e-critical-path-${Date.now()}`;
  await allowKeylessIngest(baseURL!, workspace);
  const headers = { "X-Workspace-ID": workspace };
  const shop = sdkClient({ baseUrl: baseURL!, format: "protobuf", service: "shop", headers });
  const payments = sdkClient({ baseUrl: baseURL!, format: "protobuf", service: "payments", headers });
  // The charge payments declines is where the error starts; the failed receipt comes later.
  const { traceId } = recordDeclinedCheckout(shop.tracer, payments.tracer, Date.now() - 5_000);
  for (const client of [shop, payments]) {
    await client.flush();
    await client.shutdown();
  }

  await page.goto(`/w/${workspace}/traces/${traceId}`);
  const tree = page.getByRole("tree", { name: `Spans of trace ${traceId}` });
  await expect(tree.getByTestId("waterfall-row")).toHaveCount(5);
  const row = (name: string) => tree.getByRole("treeitem", { name: new RegExp(name) });

  // The declined charge is where the error starts; the receipt is a later, quieter failure.
  const badges = tree.getByTestId("error-origin-badge");
  await expect(badges).toHaveCount(2);
  await expect(row("POST /charges").getByTestId("error-origin-badge")).toHaveText("Error starts here");
  await expect(row("send receipt").getByTestId("error-origin-badge")).toHaveText("Later failure");
  await expect(row("charge card").getByTestId("error-origin-badge")).toHaveCount(0);
  // Its way up to the root is marked: the charge call and the checkout, and the receipt's own way.
  await expect(tree.getByTestId("error-chain-marker")).toHaveCount(4);
  await expect(row("GET /cart").getByTestId("error-chain-marker")).toHaveCount(0);
  const summary = page.getByTestId("error-origin-summary");
  await expect(summary).toContainText("First failure: payments POST /charges");
  await expect(summary).toContainText("card declined: insufficient funds");
  await expect(summary).toContainText("1 later failure");

  // The critical path, on by default: nine sections (the checkout's own time between its calls).
  const toggle = page.getByRole("button", { name: "Critical path" });
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(tree.getByTestId("critical-path-section")).toHaveCount(9);
  await expect(row("POST /checkout").getByTestId("critical-path-section")).toHaveCount(4);
  await expect(row("POST /charges")).toContainText("on the critical path for 96.0 ms");
  await expect(page.getByText("Longest on the critical path:")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "trace-critical-path");

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(tree.getByTestId("critical-path-section")).toHaveCount(0);
  await expect(badges).toHaveCount(2);
  await toggle.click();
  await expect(tree.getByTestId("critical-path-section")).toHaveCount(9);

  // "show" unfolds the origin's row, selects it and opens its details.
  await tree.getByRole("treeitem", { name: /POST \/checkout/ }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(tree.getByTestId("waterfall-row")).toHaveCount(1);
  await summary.getByRole("button", { name: "Show the span where the first failure starts" }).click();
  await expect(row("POST /charges")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("span-details").getByRole("heading", { name: "POST /charges" })).toBeVisible();
});
