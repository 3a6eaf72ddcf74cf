import { startWebhookReceiver } from "../tests/support/webhook-receiver";
import { verifyWebhookSignature } from "../lib/webhooks/verify-webhook-signature";
import { expect, test } from "./support/test";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";

test("webhooks: add one, copy its secret shown once, send tests to a receiver and read the delivery log, delete it", async ({ page, context }) => {
  const workspace = `e2e-webhooks-${Date.now()}`;
  const receiver = await startWebhookReceiver();
  try {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(`/w/${workspace}/settings#webhooks-title`);
    const section = page.getByRole("region", { name: "Webhooks" });
    await expect(section.getByText("No webhooks yet")).toBeVisible();

    // The form says what is missing before any request.
    await section.getByRole("button", { name: "Add webhook" }).click();
    await expect(section.getByText("Give the webhook a name")).toBeVisible();
    await expect(section.getByLabel("Name", { exact: true })).toBeFocused();
    await section.getByLabel("Name", { exact: true }).fill("ops receiver");
    await section.getByLabel("URL", { exact: true }).fill("ftp://example.com/hook");
    await section.getByRole("button", { name: "Add webhook" }).click();
    await expect(section.getByText("The URL must use http or https.")).toBeVisible();
    await expect(section.getByLabel("URL", { exact: true })).toHaveAttribute("aria-invalid", "true");

    await section.getByLabel("URL", { exact: true }).fill(receiver.url);
    await section.getByRole("checkbox", { name: /LLM threshold crossed/ }).check();
    await section.getByRole("button", { name: "Add webhook" }).click();

    const callout = page.getByTestId("new-webhook-secret");
    await expect(callout).toContainText("It will not be shown again.");
    await expect(callout).toBeFocused();
    const secret = await page.getByTestId("new-webhook-secret-value").inputValue();
    expect(secret).toMatch(/^whsec_/);
    await callout.getByRole("button", { name: "Copy webhook signing secret" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    const row = page.getByTestId("webhook-row").filter({ hasText: "ops receiver" });
    await expect(row).toContainText(receiver.url);
    await expect(row).toContainText("Drift alert opened · Test run failed · LLM threshold crossed");
    await expect(row).not.toContainText(secret);

    await row.getByRole("button", { name: "Send a test event to ops receiver" }).click();
    await expect(row.getByTestId("webhook-test-result")).toContainText(/Test delivered: 200 in \d+ ms/);
    const delivered = row.getByTestId("webhook-delivery-row");
    await expect(delivered).toHaveCount(1);
    await expect(delivered).toContainText("webhook.test");
    await expect(delivered).toContainText("delivered");
    await expect(delivered).toContainText("1 of 1");
    await expect(delivered).toContainText("200");

    // The receiver got it, signed with the secret shown above.
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(verifyWebhookSignature({ secret, body: request.body, header: request.headers["flowprint-signature"] as string }).valid).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({ event: "webhook.test", workspace_id: workspace });

    // A receiver that refuses: the answer shows, and the log keeps both.
    receiver.respondWith(() => 500);
    await row.getByRole("button", { name: "Send a test event to ops receiver" }).click();
    await expect(row.getByTestId("webhook-test-result")).toContainText("Test failed: answered 500: receiver says no");
    await expect(delivered).toHaveCount(2);
    await expect(delivered.first()).toContainText("failed");
    await expect(delivered.first()).toContainText("answered 500");

    await section.scrollIntoViewIfNeeded();
    await screenshotBothThemes(page, "settings-webhooks");
    await section.screenshot({ path: "e2e/screenshots/settings-webhooks-section.png" });
    await expectNoSeriousA11yViolations(page);

    // Once dismissed, the secret is gone for good.
    await callout.getByRole("button", { name: "Done" }).click();
    await expect(page.getByTestId("new-webhook-secret")).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("webhook-row")).toHaveCount(1);
    await expect(page.getByText(secret)).toHaveCount(0);

    await page.getByRole("button", { name: "Delete ops receiver" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete “ops receiver”?" });
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await dialog.getByRole("button", { name: "Delete webhook" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("webhook-row")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Webhooks" }).getByText("No webhooks yet")).toBeVisible();
  } finally {
    await receiver.close();
  }
});
