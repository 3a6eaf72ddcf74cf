// npm start: apply pending migrations, start the dashboard, and with --demo the demo traffic.
import { spawn, type ChildProcess } from "node:child_process";
import { applyMigrations } from "../lib/store/migrate";
import { databaseUrl } from "../lib/store/db";

const port = process.env.PORT ?? "3000";
const host = process.env.FLOWPRINT_HOST ?? "0.0.0.0";
const withDemo = process.argv.includes("--demo");
const children: ChildProcess[] = [];

// The demo services flush their last spans to the dashboard as they stop (run-demo.ts gives
// them 10 s); the dashboard then gets a few seconds of its own.
const DEMO_STOP_MS = 15_000;
const DASHBOARD_STOP_MS = 3_000;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, options: { ownProcessGroup?: boolean } = {}): ChildProcess {
  // A process of its own group does not receive the terminal's Ctrl-C: it stops when told to.
  const child = spawn(command, args, { stdio: "inherit", env, detached: options.ownProcessGroup ?? false });
  children.push(child);
  child.on("exit", (code, signal) => {
    // The dashboard is the point of this process: when it ends, everything ends.
    if (child === children[0]) void shutdown(code ?? (signal ? 1 : 0));
  });
  return child;
}

function stopChild(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const [dashboard, ...demo] = children;
  // The demo first, while the dashboard still receives what its services flush on the way out.
  await Promise.all(demo.map((child) => stopChild(child, DEMO_STOP_MS)));
  if (dashboard) await stopChild(dashboard, DASHBOARD_STOP_MS);
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
// A dashboard in its own process group would outlive this process; never leave it behind.
process.on("exit", () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function main(): Promise<void> {
  const url = databaseUrl();
  const { applied } = await applyMigrations(url);
  console.log(`[flowprint] database ${url.replace(/\/\/[^@]*@/, "//***@")}: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);
  // With the demo, Ctrl-C must not stop the dashboard before the demo services have flushed.
  // Node refuses --cpu-prof in NODE_OPTIONS; FLOWPRINT_CPU_PROFILE_DIR passes it to the server.
  const profile = process.env.FLOWPRINT_CPU_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.FLOWPRINT_CPU_PROFILE_DIR}`] : [];
  run(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "-p", port, "-H", host], process.env, { ownProcessGroup: withDemo });
  if (!withDemo) return;
  const base = `http://127.0.0.1:${port}`;
  if (!(await waitForHealth(`${base}/api/health`, 60_000))) {
    console.error("[flowprint] the dashboard did not become healthy; demo traffic not started");
    return;
  }
  console.log(`[flowprint] dashboard on http://localhost:${port}; starting demo traffic`);
  run(process.execPath, ["--import", "tsx", "demo/run-demo.ts"], { ...process.env, FLOWPRINT_URL: process.env.FLOWPRINT_URL ?? base });
}

main().catch((error) => {
  console.error("[flowprint] start failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
