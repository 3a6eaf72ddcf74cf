// Every page, loaded fresh (a new browser context, nothing cached) several times, hydrates without
// a single console or page error: server and browser render the same text whatever the clock,
// the time zone or the stored theme. The fixture in ./support/test fails the test on any error.
import { sendLlmCalls, supportChatDay } from "./support/seed-llm-traffic";
import { fastDriftWorkspace, sendOrders, waitFor } from "./support/seed-traffic";
import { expect, test } from "./support/test";
import { apiFetch, sessionStatePath } from "./support/session";

const LOADS = 4;

async function api<T>(baseUrl: string, workspace: string, path: string): Promise<T> {
  const response = await apiFetch(`${baseUrl}/api/v1/workspaces/${workspace}${path}`);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

test("every page loads fresh without a console or page error, in any time zone and theme", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const workspace = `e2e-fresh-${Date.now()}`;
  await fastDriftWorkspace(baseURL!, workspace, 3);
  for (let i = 0; i < 3; i++) await sendOrders(baseURL!, workspace, { count: 1, peers: ["loyalty"] });
  const [traceId] = await sendOrders(baseURL!, workspace, { count: 1, peers: ["fraud", "loyalty"] });
  const llmTraces = await sendLlmCalls(baseURL!, workspace, supportChatDay());
  const { alerts } = await waitFor(
    () => api<{ alerts: { id: string }[]; total: number }>(baseURL!, workspace, "/telemetry/drift?state=open"),
    (body) => body.total === 1,
  );
  const { flows } = await api<{ flows: { id: string }[] }>(baseURL!, workspace, "/telemetry/flows");
  const ws = `/w/${workspace}`;
  const pages = [
    `${ws}/flows`,
    `${ws}/flows/${flows[0].id}`,
    `${ws}/flows/${flows[0].id}/export`,
    `${ws}/graph`,
    `${ws}/system`,
    `${ws}/drift`,
    `${ws}/drift/${alerts[0].id}`,
    `${ws}/coverage`,
    `${ws}/traces`,
    `${ws}/traces/${traceId}`,
    `${ws}/traces/${llmTraces[0]}`,
    `${ws}/llm`,
    `${ws}/settings`,
    `/w/e2e-fresh-empty-${Date.now()}/flows`,
    `/w/e2e-fresh-empty-${Date.now()}/system`,
  ];

  // The server runs in UTC; browsers far from it, in both themes, show where text depends on either.
  const browsers = [
    { timezoneId: "Pacific/Kiritimati", locale: "de-DE", colorScheme: "dark" as const },
    { timezoneId: "America/Los_Angeles", locale: "en-US", colorScheme: "light" as const },
  ];
  for (let load = 0; load < LOADS; load++) {
    const context = await browser.newContext({ baseURL, storageState: sessionStatePath(), ...browsers[load % browsers.length] });
    for (const path of pages) {
      const page = await context.newPage();
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      // Hydration and the first queries are over once the network rests.
      await page.waitForLoadState("networkidle");
      await page.close();
    }
    await context.close();
  }
});

test("the browser's default favicon request finds an icon", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^image\//);
});
