// `npm start -- --demo` stopped the way a terminal stops it: Ctrl-C sends SIGINT to every process
// of the foreground group at once. The demo services flush their last spans on the way out, so
// the dashboard must outlive them: the stop is quiet (no failed flush) and exits 0. Accounts are
// on, as by default: the printed demo login reads the dashboard.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { freePort, tempSqliteUrl } from "../support/app-server";
import { Client } from "../support/browser-client";

const WORKSPACE = "start-demo";
/** Generous: the dashboard and nine demo processes start on a machine that may be busy. */
const DEADLINE_MS = 180_000;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T | undefined> {
  const deadline = Date.now() + DEADLINE_MS;
  while (Date.now() < deadline) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return undefined;
}

it("Ctrl-C stops the demo before the dashboard: every flush lands, nothing is refused, exit 0", async () => {
  if (!existsSync(path.resolve(process.env.FLOWPRINT_DIST_DIR || ".next", "BUILD_ID"))) throw new Error("The app is not built: run `npm run build` first.");
  const port = await freePort();
  const child = spawn(process.execPath, ["scripts/start.mjs", "--demo"], {
    // Its own process group, as a shell runs a foreground job: the group is what Ctrl-C signals.
    detached: true,
    env: { ...process.env, PORT: String(port), FLOWPRINT_HOST: "127.0.0.1", DATABASE_URL: tempSqliteUrl(), NEXT_TELEMETRY_DISABLED: "1", DEMO_WORKSPACE: WORKSPACE, DEMO_RPS: "20", DEMO_BASE_PORT: "4880", FLOWPRINT_OTLP_HTTP_PORT: "0", FLOWPRINT_OTLP_GRPC_PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    const login = await until(
      async () => /sign in as (\S+) with the password (\S+) /.exec(output) ?? undefined,
      () => true,
    );
    expect(login, output).toBeDefined();
    const browser = new Client(`http://127.0.0.1:${port}`);
    expect((await browser.signIn(login![1], login![2])).status, output).toBe(200);
    // Without a session nothing is readable.
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/workspaces/${WORKSPACE}/telemetry/spans?limit=1`)).status).toBe(401);
    // Traffic is flowing once the dashboard holds spans of the demo's workspace.
    const spans = await until(
      async () => (await (await browser.fetch(`/api/v1/workspaces/${WORKSPACE}/telemetry/spans?limit=1`)).json()) as { total: number },
      (body) => body.total > 50,
    );
    expect(spans, output).toBeDefined();

    process.kill(-child.pid!, "SIGINT");
    expect(await exited, output).toBe(0);
    // The demo gets Ctrl-C's SIGINT and the SIGTERM start.mjs sends its children; whichever it
    // reads first names the stop, which depends on scheduling, not on the outcome.
    expect(output).toMatch(/\[demo\] stopping \(SIG(INT|TERM)\)/);
    expect(output).not.toMatch(/flush failed|ECONNREFUSED|ECONNRESET/);
  } finally {
    if (child.exitCode === null) {
      // start.mjs stops the dashboard it runs in a process group of its own; then the rest goes.
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
      if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
    }
  }
}, 300_000);
