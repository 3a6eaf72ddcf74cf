// The run command the export page shows works as shown: the downloaded file, run with exactly
// the arguments on the page against a system that traces into this Flowprint, passes.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./support/test";
import { startInstrumentedOrders } from "./support/instrumented-orders";
import { waitFor } from "./support/seed-traffic";
import { runFlowprintCli } from "./support/run-cli";
import { apiFetch, createApiToken } from "./support/session";

test("the export page's run command runs the downloaded test as shown", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const workspace = `export-run-${Date.now()}`;
  const system = await startInstrumentedOrders(baseURL!, workspace);
  try {
    for (let i = 0; i < 3; i++) await system.order();
    for (const id of system.traceIds) {
      expect((await apiFetch(`${baseURL}/api/v1/workspaces/${workspace}/telemetry/traces/${id}/complete`, { method: "POST" })).ok).toBe(true);
    }
    const { flows } = await waitFor(
      async () => (await apiFetch(`${baseURL}/api/v1/workspaces/${workspace}/telemetry/flows`)).json() as Promise<{ flows: { id: string; name: string }[] }>,
      (body) => body.flows.length === 1,
    );
    const [flow] = flows;

    await page.goto(`/w/${workspace}/flows/${flow.id}/export`);
    const shown = page.getByTestId("run-command");
    await expect(shown).toContainText("npx flowprint run");
    // One command whatever its line breaks (a shell joins backslash-newline).
    const command = (await shown.innerText()).replace(/\s*\\\n\s*/g, " ").trim();
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: /^Download / }).click();
    const download = await downloading;
    expect(command).toBe(`npx flowprint run ${download.suggestedFilename()} --server ${baseURL} --workspace ${workspace}`);
    expect(command).not.toContain("--base-url");
    await expect(page.getByText(`Runs against ${system.url}`)).toBeVisible();
    // Accounts are on: the page says the CLI needs a token, and where to make one.
    await expect(page.getByTestId("run-command-token")).toContainText("FLOWPRINT_API_TOKEN");
    await page.getByRole("heading", { name: "Run it" }).scrollIntoViewIfNeeded();
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/drift-export-command-${scheme}.png`, fullPage: true });
    }
    await page.emulateMedia({ colorScheme: "light" });

    // Where the user saved the file: run the command there. `npx flowprint` resolves to this
    // checkout's CLI only inside it, so the test calls the same bin by path.
    const dir = await mkdtemp(path.join(tmpdir(), "flowprint-e2e-run-"));
    await download.saveAs(path.join(dir, download.suggestedFilename()));
    const args = command.split(" ").slice(2);
    // Without a token the command says what is missing.
    const anonymous = await runFlowprintCli(args, dir, {});
    expect(anonymous.code, anonymous.output).not.toBe(0);
    expect(anonymous.output).toContain("FLOWPRINT_API_TOKEN");
    // As the page says: a token of the user's, in the environment.
    const env = { FLOWPRINT_API_TOKEN: await createApiToken(baseURL!, workspace) };
    const run = await runFlowprintCli(args, dir, env);
    expect(run.output).toMatch(/1 passed, 0 failed/);
    expect(run.code, run.output).toBe(0);

    // The flow page's box shows the same command, and the run it started.
    await page.goto(`/w/${workspace}/flows/${flow.id}`);
    const box = page.getByTestId("flow-executions");
    await expect(box.getByTestId("run-command")).toContainText("npx flowprint run");
    expect((await box.getByTestId("run-command").innerText()).replace(/\s*\\\n\s*/g, " ").trim()).toBe(command);
    await expect(box.locator('[data-testid="execution-row"][data-status="passed"]')).toHaveCount(1);
    await expect(box.getByRole("list", { name: "Why it failed" })).toHaveCount(0);

    // The system stops writing its orders: the same command fails, and says where the run's
    // trace left the flow, in the terminal and on the flow page.
    system.skipDatabase = true;
    const failing = await runFlowprintCli(args, dir, env);
    expect(failing.code, failing.output).toBe(1);
    const divergence = "first divergence: database orders (shop-orders) was not called after POST /orders (shop-orders)";
    expect(failing.output).toContain(`\n  ${divergence}\n`);
    await page.reload();
    const failed = box.locator('[data-testid="execution-row"][data-status="failed"]');
    await expect(failed).toHaveCount(1);
    const why = failed.getByRole("list", { name: "Why it failed" });
    await expect(why.getByRole("listitem")).toHaveText([divergence]);
    await expect(why.locator("code").first()).toHaveText("orders");
    await failed.scrollIntoViewIfNeeded();
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(300);
      await box.screenshot({ path: `/tmp/rundiag-failed-run-${scheme}.png` });
    }
  } finally {
    await system.close();
  }
});
