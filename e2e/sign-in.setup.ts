// Signs the journeys' administrator in once, through the sign-in page as a person would, and
// keeps the session for every other spec (playwright.config.ts: the "journeys" project depends
// on this one).
import { expect, test } from "./support/test";
import { E2E_ADMIN, sessionStatePath } from "./support/session";

test("sign in as the journeys' administrator", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("account-menu")).toContainText(E2E_ADMIN.email);
  await page.context().storageState({ path: sessionStatePath() });
});
