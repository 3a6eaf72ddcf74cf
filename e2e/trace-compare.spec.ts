import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";
import { sendComparedOrders } from "./support/seed-compare-traffic";
import { expect, test } from "./support/test";
import { sessionStatePath } from "./support/session";

test("compare a slow, failing trace with its flow's representative, then with a trace that published an event", async ({ page, baseURL, browser }) => {
  const workspace = `e2e-compare-${Date.now()}`;
  const traces = await sendComparedOrders(baseURL!, workspace);

  // The representative itself has nothing to be compared with: the page says why.
  await page.goto(`/w/${workspace}/traces/${traces.representative}`);
  await expect(page.getByTestId("compare-unavailable")).toHaveText("The representative of its flow");
  await expect(page.getByRole("link", { name: "Compare with representative" })).toHaveCount(0);

  // A slower trace of the same flow opens the comparison from its page.
  await page.goto(`/w/${workspace}/traces/${traces.failing}`);
  await page.getByRole("link", { name: "Compare with representative" }).click();
  await expect(page).toHaveURL(new RegExp(`/traces/compare\\?a=${traces.failing}&b=${traces.representative}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Compare traces" })).toBeVisible();
  await expect(page.getByTestId("compared-trace-a").getByRole("link", { name: traces.failing })).toHaveAttribute("href", `/w/${workspace}/traces/${traces.failing}`);
  await expect(page.getByTestId("compared-trace-b").getByRole("link", { name: traces.representative })).toBeVisible();
  const summary = page.getByTestId("compare-summary");
  await expect(summary).toContainText("200 ms → 100 ms");
  await expect(summary).toContainText("−50% faster");
  const rows = page.getByTestId("compare-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.and(page.locator("[data-status=same]"))).toHaveCount(3);
  const read = page.locator('[data-testid="compare-row"][data-key="database:users"]');
  await expect(read.getByTestId("compare-errors")).toHaveText("1 error");
  await expect(read.getByTestId("duration-delta")).toHaveAttribute("data-tone", "faster");
  await expect(read.getByTestId("duration-delta")).toContainText("−67% faster");
  await expect(read.getByTestId("duration-delta")).toContainText("−40.0 ms");

  // Pasting another trace as B: it published order.created, which the failing one never did.
  await page.getByRole("textbox", { name: "Trace B" }).fill(traces.publishing.toUpperCase());
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`b=${traces.publishing}$`));
  await expect(rows).toHaveCount(4);
  const topic = page.locator('[data-testid="compare-row"][data-key="topic:order.created"]');
  await expect(topic).toHaveAttribute("data-status", "added");
  await expect(topic.getByTestId("compare-status")).toHaveText("+added");
  await expect(topic.getByRole("cell").nth(2)).toContainText("not in A");
  await expect(page.locator('[data-testid="compare-row"][data-key="api_endpoint:POST /api/orders"]').getByTestId("duration-delta")).toContainText("−25% faster");
  await expect(page.getByTestId("compared-trace-b")).not.toContainText("flow representative");
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "trace-compare");

  // Swap: the event is now what A did and B did not, and every change turns round.
  await page.getByRole("button", { name: "Swap" }).click();
  await expect(page).toHaveURL(new RegExp(`a=${traces.publishing}&b=${traces.failing}$`));
  await expect(topic).toHaveAttribute("data-status", "removed");
  await expect(summary).toContainText("150 ms → 200 ms");
  await expect(summary).toContainText("+25% slower");
  await expect(page.getByRole("textbox", { name: "Trace A" })).toHaveValue(traces.publishing);

  // Without B the page compares with A's flow's representative and says so; Swap takes that one.
  await page.goto(`/w/${workspace}/traces/compare?a=${traces.failing}`);
  await expect(page.getByTestId("compared-trace-b")).toContainText("flow representative");
  await expect(page.getByTestId("compared-trace-b").getByRole("link", { name: traces.representative })).toBeVisible();
  await page.getByRole("button", { name: "Swap" }).click();
  await expect(page).toHaveURL(new RegExp(`a=${traces.representative}&b=${traces.failing}$`));
  await expect(summary).toContainText("100 ms → 200 ms");

  // Loaded fresh far from the server's time zone, in the dark theme: it hydrates without an error.
  const far = await browser.newContext({ baseURL, storageState: sessionStatePath(), timezoneId: "Pacific/Kiritimati", locale: "de-DE", colorScheme: "dark" });
  const fresh = await far.newPage();
  await fresh.goto(`/w/${workspace}/traces/compare?a=${traces.failing}&b=${traces.publishing}`);
  await expect(fresh.getByTestId("compare-row")).toHaveCount(4);
  await fresh.waitForLoadState("networkidle");
  await far.close();
});

test("the compare page explains ids that are not traces and traces it cannot find", async ({ page, pageErrors }) => {
  const workspace = `e2e-compare-missing-${Date.now()}`;
  await page.goto(`/w/${workspace}/traces/compare`);
  await expect(page.getByRole("heading", { name: "Choose two traces" })).toBeVisible();
  await page.getByRole("textbox", { name: "Trace A" }).fill("abc123");
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(page.getByText("A trace id is 32 hexadecimal characters; this is 6.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Trace A" })).toHaveAttribute("aria-invalid", "true");

  const unknown = "0123456789abcdef0123456789abcdef";
  pageErrors.allow(/status of 404/, "the trace to compare does not exist", { url: /\/telemetry\/traces\/compare\?/ });
  await page.getByRole("textbox", { name: "Trace A" }).fill(unknown);
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Cannot compare these traces" })).toBeVisible();
  await expect(page.getByText(`Trace a: no trace ${unknown}`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
