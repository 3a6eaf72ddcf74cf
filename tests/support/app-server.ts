// Starts the built app (`npm run build` first) as a child process on a free port, the way
// `npm start` runs it, against a database of the test's choosing.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export interface AppServer {
  baseUrl: string;
  /** The start script's process id; the Next.js server is its child. */
  pid: number;
  databaseUrl: string;
  stop(): Promise<void>;
  /** kill -9 of the server and the start script, as a crash or the OOM killer would. */
  kill(): Promise<void>;
  output(): string;
}

/** A process and all its descendants, deepest first. */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // already gone
  }
  return [...children.flatMap(processTree), pid];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export function tempSqliteUrl(): string {
  return `file:${path.join(mkdtempSync(path.join(tmpdir(), "flowprint-test-")), "flowprint.db")}`;
}

/** A fresh PostgreSQL database on TEST_DATABASE_URL's server, or null when it is not set. */
export async function tempPostgresUrl(server = process.env.TEST_DATABASE_URL): Promise<{ url: string; drop(): Promise<void> } | null> {
  const base = server ?? process.env.TEST_DATABASE_URL;
  if (!base) return null;
  const name = `flowprint_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function startApp(options: { databaseUrl?: string; env?: Record<string, string>; port?: number } = {}): Promise<AppServer> {
  if (!existsSync(path.resolve(process.env.FLOWPRINT_DIST_DIR || ".next", "BUILD_ID"))) {
    throw new Error("The app is not built: run `npm run build` before the integration tests.");
  }
  const port = options.port ?? (await freePort());
  const databaseUrl = options.databaseUrl ?? tempSqliteUrl();
  let log = "";
  const child: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], {
    // Accounts off unless a test turns them on: the tests of other features speak to the API
    // directly (tests/integration/auth.test.ts covers the API with accounts).
    env: { ...process.env, PORT: String(port), FLOWPRINT_HOST: "127.0.0.1", DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", FLOWPRINT_AUTH: "off", FLOWPRINT_OTLP_HTTP_PORT: "0", FLOWPRINT_OTLP_GRPC_PORT: "0", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited with ${child.exitCode}:\n${log}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The app did not become healthy in time:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    pid: child.pid ?? 0,
    databaseUrl,
    output: () => log,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        for (const pid of processTree(child.pid!)) {
          try {
            process.kill(pid, "SIGKILL");
          } catch {
            // exited meanwhile
          }
        }
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
