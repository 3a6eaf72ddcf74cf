import { expect, test, type Page } from "./support/test";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";

const settingsUrl = (workspace: string) => `/api/v1/workspaces/${workspace}/settings/telemetry`;

test("configure settings: a change is saved and survives a reload; errors show next to their field", async ({ page, pageErrors }) => {
  const workspace = `e2e-settings-${Date.now()}`;
  await page.goto(`/w/${workspace}/settings`);

  const retention = page.getByLabel("Keep spans for", { exact: true });
  const idle = page.getByLabel("Trace idle window", { exact: true });
  await expect(retention).toHaveValue("30");
  await expect(idle).toHaveValue("10");
  await expect(page.getByLabel("Unit of Trace idle window")).toHaveValue("s");

  // Client-side limits answer before any request.
  await retention.fill("0");
  await expect(page.getByTestId("error-retention_days")).toHaveText("Must be between 1 day and 3,650 days.");
  await expect(retention).toHaveAttribute("aria-invalid", "true");

  await retention.fill("45");
  await idle.fill("2.5");
  await expect(page.getByText("2,500 ms = 2.5 s")).toBeVisible();
  await page.getByRole("switch", { name: "Discover flows" }).uncheck();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("settings-status")).toHaveText("Saved 3 changes.");
  expect(await (await page.request.get(settingsUrl(workspace))).json()).toMatchObject({ retention_days: 45, trace_idle_ms: 2500, auto_discovery: false, drift_learning_ms: 86_400_000 });

  await page.reload();
  await expect(retention).toHaveValue("45");
  await expect(idle).toHaveValue("2.5");
  await expect(page.getByRole("switch", { name: "Discover flows" })).not.toBeChecked();
  await expect(page.getByLabel("Learning period", { exact: true })).toHaveValue("1");
  await expect(page.getByLabel("Unit of Learning period")).toHaveValue("d");

  // The server's own validation, shown by field: the request leaves the page with a value the
  // form would never send, so what comes back is the server's 400 and its issues[].path.
  pageErrors.allow(/status of 400/, "the server refuses the tampered retention", { url: /\/settings\/telemetry$/ });
  await page.route(
    `**${settingsUrl(workspace)}`,
    async (route) => {
      if (route.request().method() !== "PUT") return route.continue();
      await route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), retention_days: 99_999 }) });
    },
    { times: 1 },
  );
  await retention.fill("60");
  await page.getByRole("button", { name: "Save changes" }).click();
  const serverError = page.getByTestId("error-retention_days");
  await expect(serverError).toContainText("expected number to be <=3650");
  await expect(page.getByTestId("settings-status")).toContainText("Not saved: Invalid retention_days");
  await expect(retention).toBeFocused();
  expect((await (await page.request.get(settingsUrl(workspace))).json()).retention_days).toBe(45);
  // Editing the field clears the server's complaint about the old value; the retry goes through.
  await retention.fill("61");
  await expect(serverError).toHaveCount(0);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("settings-status")).toHaveText("Saved 1 change.");

  await expectNoSeriousA11yViolations(page);
});

interface MockKey {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
}

/**
 * Ingest keys are server-wide in effect: once any key exists, every workspace's OTLP needs one,
 * and revoking it does not reopen ingestion. A real key would close ingestion for every other
 * spec seeding traffic into the same server, so this journey runs against a stand-in for the
 * ingest-keys API that answers exactly as README.md's API table describes.
 */
async function standInIngestKeysApi(page: Page, workspace: string): Promise<MockKey[]> {
  const keys: MockKey[] = [];
  await page.route(`**/api/v1/workspaces/${workspace}/ingest-keys**`, async (route) => {
    const request = route.request();
    if (request.method() === "GET") return route.fulfill({ json: { ingest_keys: keys } });
    if (request.method() === "POST") {
      const { name } = request.postDataJSON() as { name: string };
      const key = `fp_${"e2eSecretKey".repeat(3)}${keys.length}`;
      const view = { id: crypto.randomUUID(), name, prefix: key.slice(0, 10), created_at: new Date().toISOString(), revoked_at: null };
      keys.unshift(view);
      return route.fulfill({ status: 201, json: { key, ingest_key: view } });
    }
    if (request.method() === "DELETE") {
      const id = new URL(request.url()).pathname.split("/").pop();
      const found = keys.find((k) => k.id === id);
      if (!found) return route.fulfill({ status: 404, json: { error: { code: "not_found", message: `No ingest key ${id}.` } } });
      found.revoked_at ??= new Date().toISOString();
      return route.fulfill({ status: 204 });
    }
    return route.fulfill({ status: 405 });
  });
  return keys;
}

test("ingest keys: create one, see it once, copy it, revoke it; snippets to send traces", async ({ page, context, baseURL }) => {
  const workspace = `e2e-keys-${Date.now()}`;
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await standInIngestKeysApi(page, workspace);
  await page.goto(`/w/${workspace}/settings`);

  // Snippets before any key: the workspace header only.
  const env = page.getByTestId("snippet-env");
  await expect(env).toContainText(`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=${baseURL}/v1/traces`);
  await expect(env).toContainText("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf");
  await expect(env).toContainText(`OTEL_EXPORTER_OTLP_HEADERS=X-Workspace-ID=${workspace}`);
  await expect(env).not.toContainText("Authorization");
  await expect(page.getByText("No keys yet")).toBeVisible();

  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Give the key a name")).toBeVisible();
  await page.getByLabel("New key name").fill("production collector");
  await page.getByLabel("New key name").press("Enter");

  const callout = page.getByTestId("new-key");
  await expect(callout).toContainText("It will not be shown again.");
  await expect(callout).toBeFocused();
  const secret = await page.getByTestId("new-key-value").inputValue();
  expect(secret).toMatch(/^fp_/);
  await callout.getByRole("button", { name: "Copy new ingest key" }).click();
  await expect(callout.getByRole("button", { name: "Copy new ingest key" })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  const row = page.getByTestId("ingest-key-row").filter({ hasText: "production collector" });
  await expect(row).toContainText(`${secret.slice(0, 10)}…`);
  await expect(row).toContainText("active");
  await expect(row).not.toContainText(secret);

  // With a key, every snippet authenticates.
  await expect(env).toContainText(`OTEL_EXPORTER_OTLP_HEADERS=X-Workspace-ID=${workspace},Authorization=Bearer%20<your-ingest-key>`);
  await expect(page.getByTestId("snippet-collector")).toContainText(`endpoint: ${baseURL}`);
  await expect(page.getByTestId("snippet-collector")).toContainText('Authorization: "Bearer ${env:FLOWPRINT_INGEST_KEY}"');
  await expect(page.getByTestId("snippet-node")).toContainText('import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto"');
  await expect(page.getByTestId("snippet-node")).toContainText("new NodeSDK(");
  for (const [id, label] of [
    ["snippet-env", "environment variables"],
    ["snippet-collector", "Collector configuration"],
    ["snippet-node", "Node.js SDK snippet"],
  ]) {
    await expect(page.getByTestId(id).getByRole("button", { name: `Copy ${label}` })).toBeVisible();
  }
  await page.getByRole("button", { name: "Copy environment variables" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`X-Workspace-ID=${workspace}`);

  await screenshotBothThemes(page, "settings");
  await expectNoSeriousA11yViolations(page);

  // Once dismissed, the secret is gone for good: only its prefix remains.
  await callout.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("new-key")).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);

  await row.getByRole("button", { name: "Revoke production collector" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke “production collector”?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("active");

  await row.getByRole("button", { name: "Revoke production collector" }).click();
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
});
