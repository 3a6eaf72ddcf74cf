// npm start: apply pending migrations, start the dashboard, and with --demo the demo traffic.
// Plain JavaScript, with the migrations in a child that exits: this process lives as long as
// the dashboard, and under tsx with the store's modules loaded it held ~100 MiB for nothing.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listenHost } from "./listen-host.mjs";

const port = process.env.PORT ?? "3000";
const withDemo = process.argv.includes("--demo");
const authOff = (process.env.FLOWPRINT_AUTH ?? "").trim().toLowerCase() === "off";
const { host, warning } = listenHost(process.env);
if (warning) console.warn(`[flowprint] ${warning}`);

/**
 * The demo's administrator: generated on the first `npm start -- --demo` and kept beside the
 * embedded database, so every later start prints the same login.
 */
function demoLogin() {
  const file = path.join("data", "demo-login.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const login = { email: "demo@flowprint.local", password: randomBytes(12).toString("base64url") };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  return login;
}
/** @type {import("node:child_process").ChildProcess[]} */
const children = [];

// The demo services flush their last spans to the dashboard as they stop (run-demo.ts gives
// them 10 s); the dashboard then gets a few seconds of its own.
const DEMO_STOP_MS = 15_000;
const DASHBOARD_STOP_MS = 3_000;

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ ownProcessGroup?: boolean }} options
 */
function run(command, args, env = process.env, options = {}) {
  // A process of its own group does not receive the terminal's Ctrl-C: it stops when told to.
  const child = spawn(command, args, { stdio: "inherit", env, detached: options.ownProcessGroup ?? false });
  children.push(child);
  child.on("exit", (code, signal) => {
    // The dashboard is the point of this process: when it ends, everything ends.
    if (child === children[0]) void shutdown(code ?? (signal ? 1 : 0));
  });
  return child;
}

/** @param {import("node:child_process").ChildProcess} child @param {number} timeoutMs @returns {Promise<void>} */
function stopChild(child, timeoutMs) {
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
/** @param {number} code */
async function shutdown(code) {
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

/** @param {string} url @param {number} timeoutMs */
async function waitForHealth(url, timeoutMs) {
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

/** Applies pending migrations (npm run db:migrate) in a child; resolves to its exit code. */
function migrate() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], { stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const migrated = await migrate();
  if (migrated !== 0) {
    console.error("[flowprint] migrations failed: the dashboard was not started");
    process.exit(1);
  }
  // With the demo, Ctrl-C must not stop the dashboard before the demo services have flushed.
  // Node refuses --cpu-prof in NODE_OPTIONS; FLOWPRINT_CPU_PROFILE_DIR passes it to the server.
  const profile = process.env.FLOWPRINT_CPU_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.FLOWPRINT_CPU_PROFILE_DIR}`] : [];
  const login = withDemo && !authOff && !process.env.FLOWPRINT_ADMIN_EMAIL ? demoLogin() : null;
  // The OTLP listeners on 4318 and 4317 listen where the dashboard does.
  const dashboardEnv = { ...process.env, FLOWPRINT_LISTEN_HOST: host, ...(login ? { FLOWPRINT_ADMIN_EMAIL: login.email, FLOWPRINT_ADMIN_PASSWORD: login.password } : {}) };
  run(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "-p", port, "-H", host], dashboardEnv, { ownProcessGroup: withDemo });
  if (!withDemo) return;
  const base = `http://127.0.0.1:${port}`;
  if (!(await waitForHealth(`${base}/api/health`, 60_000))) {
    console.error("[flowprint] the dashboard did not become healthy; demo traffic not started");
    return;
  }
  console.log(`[flowprint] dashboard on http://localhost:${port}; starting demo traffic`);
  if (login) console.log(`[flowprint] sign in as ${login.email} with the password ${login.password} (the demo's administrator, kept in data/demo-login.json)`);
  const demoEnv = { ...process.env, FLOWPRINT_URL: process.env.FLOWPRINT_URL ?? base };
  const admin = login ?? (process.env.FLOWPRINT_ADMIN_EMAIL ? { email: process.env.FLOWPRINT_ADMIN_EMAIL, password: process.env.FLOWPRINT_ADMIN_PASSWORD ?? "" } : null);
  // The demo signs in to set up its workspace (keyless ingestion, a short learning window).
  if (admin && !authOff) Object.assign(demoEnv, { FLOWPRINT_DEMO_EMAIL: admin.email, FLOWPRINT_DEMO_PASSWORD: admin.password });
  run(process.execPath, ["--import", "tsx", "demo/run-demo.ts"], demoEnv);
}

main().catch((error) => {
  console.error("[flowprint] start failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
