import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./tests/support/app-server";
import { E2E_ADMIN } from "./e2e/support/session";

// A free port unless E2E_PORT names one, so another server on the machine never fails the suite.
// Set once in the environment: the workers load this file again and must see the same port and
// database as the runner that started the server.
process.env.E2E_PORT ??= String(await freePort());
process.env.E2E_DATABASE_URL ??= `file:${path.join(mkdtempSync(path.join(tmpdir(), "flowprint-e2e-")), "flowprint.db")}`;
// The journeys run signed in (accounts on, as Flowprint starts by default): e2e/sign-in.setup.ts
// keeps the administrator's session here.
process.env.E2E_SESSION_STATE ??= path.join(mkdtempSync(path.join(tmpdir(), "flowprint-e2e-session-")), "session.json");
// A second server with drafting by AI configured, against a model endpoint that
// e2e/ai-draft.spec.ts serves on E2E_LLM_PORT, open (FLOWPRINT_AUTH=off) as on a laptop: the
// other specs see Flowprint as it is by default.
process.env.E2E_DRAFT_PORT ??= String(await freePort());
process.env.E2E_LLM_PORT ??= String(await freePort());
process.env.E2E_DRAFT_DATABASE_URL ??= `file:${path.join(mkdtempSync(path.join(tmpdir(), "flowprint-e2e-draft-")), "flowprint.db")}`;
// A third with accounts on and no administrator yet, for e2e/accounts.spec.ts: first-run setup,
// sign-in, roles.
process.env.E2E_AUTH_PORT ??= String(await freePort());
process.env.E2E_AUTH_DATABASE_URL ??= `file:${path.join(mkdtempSync(path.join(tmpdir(), "flowprint-e2e-auth-")), "flowprint.db")}`;
const port = Number(process.env.E2E_PORT);
const databaseUrl = process.env.E2E_DATABASE_URL;
const server = (serverPort: number, database: string, env: Record<string, string> = {}) => ({
  command: "node scripts/start.mjs",
  url: `http://127.0.0.1:${serverPort}/api/health`,
  timeout: 120_000,
  reuseExistingServer: false,
  env: {
    PORT: String(serverPort),
    FLOWPRINT_HOST: "127.0.0.1",
    DATABASE_URL: database,
    NEXT_TELEMETRY_DISABLED: "1",
    FLOWPRINT_AUTH: "on",
    // Three servers at once: none takes OTLP's standard ports.
    FLOWPRINT_OTLP_HTTP_PORT: "0",
    FLOWPRINT_OTLP_GRPC_PORT: "0",
    ...(process.env.FLOWPRINT_DIST_DIR ? { FLOWPRINT_DIST_DIR: process.env.FLOWPRINT_DIST_DIR } : {}),
    ...env,
  },
});

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  // Assertions wait for the page up to this long: a busy machine renders later, not differently.
  expect: { timeout: 15_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot reach its host here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "sign-in", testMatch: /sign-in\.setup\.ts$/ },
    { name: "journeys", dependencies: ["sign-in"], use: { storageState: process.env.E2E_SESSION_STATE } },
  ],
  webServer: [
    server(port, databaseUrl, { FLOWPRINT_ADMIN_EMAIL: E2E_ADMIN.email, FLOWPRINT_ADMIN_PASSWORD: E2E_ADMIN.password }),
    server(Number(process.env.E2E_DRAFT_PORT), process.env.E2E_DRAFT_DATABASE_URL, {
      FLOWPRINT_AUTH: "off",
      FLOWPRINT_LLM_BASE_URL: `http://127.0.0.1:${process.env.E2E_LLM_PORT}/v1`,
      FLOWPRINT_LLM_MODEL: "e2e-draft-model",
    }),
    // First-run setup: no administrator from the environment.
    server(Number(process.env.E2E_AUTH_PORT), process.env.E2E_AUTH_DATABASE_URL),
  ],
});
