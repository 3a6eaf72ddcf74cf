import { readFile } from "node:fs/promises";
import { expect, test } from "./support/test";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";
import { sendOrders, waitFor } from "./support/seed-traffic";
import { apiFetch } from "./support/session";

test("one click from the flow list exports the flow, and the downloaded file equals the API's export", async ({ page, baseURL }) => {
  const workspace = `export-${Date.now()}`;
  await sendOrders(baseURL!, workspace, { count: 3, peers: ["payments"] });
  const { flows } = await waitFor(
    async () => (await apiFetch(`${baseURL}/api/v1/workspaces/${workspace}/telemetry/flows`)).json() as Promise<{ flows: { id: string; name: string }[] }>,
    (body) => body.flows.length === 1,
  );
  const [flow] = flows;

  await page.goto(`/w/${workspace}/flows`);
  await page.getByRole("link", { name: `Export ${flow.name}` }).click();
  await expect(page.getByRole("heading", { name: "Export as a test" })).toBeVisible();
  const yaml = page.getByTestId("export-yaml");
  await expect(yaml).toContainText("expect_trace:");
  await expect(yaml).toContainText("trace.duration_ms <");
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "export");

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: /^Download / }).click();
  const download = await downloading;
  const api = await (await apiFetch(`${baseURL}/api/v1/workspaces/${workspace}/telemetry/flows/${flow.id}/export`, { method: "POST" })).json();
  // The flow's name and its fingerprint's first digits: one file name per flow.
  expect(download.suggestedFilename()).toMatch(/^checkout-post-orders-[0-9a-f]{8}\.yaml$/);
  expect(download.suggestedFilename()).toBe(api.file_name);
  const file = await readFile((await download.path())!, "utf8");
  expect(file).toBe(api.yaml);

  await page.getByRole("radio", { name: "TestMesh" }).click();
  await expect(yaml).toContainText("action: http_request");
  await expect(page).toHaveURL(/format=testmesh/);
});
