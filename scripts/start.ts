// npm start: apply pending migrations, start the dashboard, and with --demo the demo traffic.
import { spawn, type ChildProcess } from "node:child_process";
import { applyMigrations } from "../lib/store/migrate";
import { databaseUrl } from "../lib/store/db";

const port = process.env.PORT ?? "3000";
const host = process.env.FLOWPRINT_HOST ?? "0.0.0.0";
const withDemo = process.argv.includes("--demo");
const children: ChildProcess[] = [];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(command, args, { stdio: "inherit", env });
  children.push(child);
  child.on("exit", (code, signal) => {
    // The dashboard is the point of this process: when it ends, everything ends.
    if (child === children[0]) shutdown(code ?? (signal ? 1 : 0));
  });
  return child;
}

let stopping = false;
function shutdown(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 3000).unref();
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

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
  run(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", host]);
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
