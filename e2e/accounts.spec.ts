// Accounts on (FLOWPRINT_AUTH=on, the third server of playwright.config.ts): the first-run
// setup, the members section, signing out and in, and a viewer who cannot change settings.
import { expect, test, type Page } from "./support/test";
import { expectNoSeriousA11yViolations } from "./support/axe";

const BASE = `http://127.0.0.1:${process.env.E2E_AUTH_PORT}`;
const PASSWORD = "correct horse battery";

// This server starts with no administrator: no session from the other journeys' sign-in.
test.use({ storageState: { cookies: [], origins: [] } });

async function signIn(page: Page, email: string) {
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("first run: set up the administrator, add a viewer, who may read but not change settings", async ({ page, pageErrors }) => {
  // Nothing is open before the setup: every page leads to it. (A retry finds it done.)
  await page.goto(`${BASE}/w/default/flows`);
  if (page.url().endsWith("/sign-in?next=%2Fw%2Fdefault")) {
    await signIn(page, "ada@example.com");
  } else {
    await expect(page).toHaveURL(`${BASE}/setup`);
    await expect(page.getByRole("heading", { name: "Create the first administrator" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("Name").fill("Ada Admin");
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create administrator" }).click();
  }
  await expect(page).toHaveURL(`${BASE}/w/default/flows`);
  await expect(page.getByTestId("account-menu")).toContainText("ada@example.com");

  // The instance administrator creates the account of someone new and gives them a role.
  await page.goto(`${BASE}/w/default/settings`);
  const members = page.getByTestId("members");
  await expect(members).toContainText("ada@example.com");
  await page.getByLabel("Email", { exact: true }).fill("val@example.com");
  await page.getByLabel("First password, for someone new").fill(PASSWORD);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(members.getByTestId("member-row")).toHaveCount(2);
  await expect(page.getByLabel("Role of val@example.com")).toHaveValue("viewer");
  await expect(page.getByTestId("audit-log")).toContainText("member.add");

  await page.getByTestId("account-menu").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${BASE}/sign-in`);

  // A wrong password says nothing about whether the account exists.
  pageErrors.allow(/status of 401/, "the wrong password is refused", { url: /sign-in\/email$/ });
  await page.getByLabel("Email").fill("val@example.com");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Invalid email or password")).toBeVisible();

  await signIn(page, "val@example.com");
  await expect(page).toHaveURL(`${BASE}/w/default/flows`);
  await page.goto(`${BASE}/w/default/settings`);
  await expect(page.getByTestId("members")).toContainText("val@example.com");
  await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
  await expect(page.getByTestId("audit-log")).toHaveCount(0);
  pageErrors.allow(/status of 403/, "a viewer may not change settings", { url: /\/settings\/telemetry$/ });
  await page.getByLabel("Keep spans for", { exact: true }).fill("45");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/needs the editor role in workspace "default"; you are a viewer/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A workspace the viewer has no role in does not exist for them.
  pageErrors.allow(/status of 404/, "another workspace answers 404", { url: /\/w\/elsewhere\/flows$/ });
  const other = await page.goto(`${BASE}/w/elsewhere/flows`);
  expect(other?.status()).toBe(404);
});

test("an invited editor signs in and changes the workspace's settings", async ({ page }) => {
  // The administrator from the first-run journey invites someone new as an editor.
  await signIn(page, "ada@example.com");
  await expect(page).toHaveURL(`${BASE}/w/default/flows`);
  await page.goto(`${BASE}/w/default/settings`);
  const email = `eddie-${Date.now()}@example.com`;
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("First password, for someone new").fill(PASSWORD);
  await page.getByRole("form", { name: "Add a member" }).getByRole("combobox").selectOption("editor");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("editor");
  await page.getByTestId("account-menu").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${BASE}/sign-in`);

  await signIn(page, email);
  await expect(page).toHaveURL(`${BASE}/w/default/flows`);
  await page.goto(`${BASE}/w/default/settings`);
  const retention = page.getByLabel("Keep spans for", { exact: true });
  await retention.fill("21");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("settings-status")).toHaveText("Saved 1 change.");
  await page.reload();
  await expect(retention).toHaveValue("21");
  // Editors do not manage members.
  await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
});
