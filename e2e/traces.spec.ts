import { expect, test } from "@playwright/test";
import { recordCheckoutTrace, sdkClient } from "../tests/support/otel-sdk";

test("the traces page shows a trace sent with the OpenTelemetry SDK", async ({ page, baseURL }) => {
  const workspace = `e2e-${Date.now()}`;
  const client = sdkClient({ baseUrl: baseURL!, format: "protobuf", service: "checkout", headers: { "X-Workspace-ID": workspace } });
  const { traceId } = recordCheckoutTrace(client.tracer);
  await client.flush();
  await client.shutdown();

  await page.goto(`/w/${workspace}/traces`);
  await expect(page.getByRole("heading", { name: "Recent traces" })).toBeVisible();
  const row = page.locator(`[data-testid="trace-row"][data-trace-id="${traceId}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("POST /orders");
  await expect(row).toContainText("checkout");
  await expect(row).toContainText("error");
  await expect(row.getByRole("cell").nth(2)).toHaveText("3");
  await page.screenshot({ path: "e2e/screenshots/traces-light.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "e2e/screenshots/traces-dark.png", fullPage: true });
});

test("an empty workspace tells the user how to send traces", async ({ page }) => {
  await page.goto(`/w/empty-${Date.now()}/traces`);
  await expect(page.getByRole("heading", { name: "No traces yet" })).toBeVisible();
  await expect(page.getByText("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")).toBeVisible();
});
