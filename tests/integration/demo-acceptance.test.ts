// The promise of exported tests, end to end: the demo system produces traffic, every flow
// Flowprint discovers is exported and run against the system unedited with `npx flowprint
// run`, and every run passes. Then the system changes: orders stops calling loyalty (the
// loyalty test fails with that node missing) and products answers late (slow spans).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";

const WS = "acceptance";
const BASE_PORT = "4820";

interface Flow {
  id: string;
  name: string;
  occurrence_count: number;
  path: { type: string; identifier: string }[];
}

function startDemo(app: AppServer, env: Record<string, string> = {}): { child: ChildProcess; stop(): Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", "demo/run-demo.ts"], {
    // Without the demo's random cache misses (3% of product lookups take up to 0.9 s), which
    // would now and then make a run slow twice in a row by chance.
    env: { ...process.env, FLOWPRINT_URL: app.baseUrl, DEMO_WORKSPACE: WS, DEMO_RPS: "25", DEMO_BASE_PORT: BASE_PORT, DEMO_CACHE_MISS_SHARE: "0", DEMO_LLM_ERROR_SHARE: "0", ...env },
    stdio: "ignore",
  });
  return {
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function run(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/flowprint.mjs", "run", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code: code ?? -1, output }));
  });
}

describe("exported tests against the demo system", () => {
  let app: AppServer;
  let demo: ReturnType<typeof startDemo>;
  let flows: Flow[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "flowprint-acceptance-"));
  const files = new Map<string, string>();
  const api = (p: string, init?: RequestInit) => fetch(`${app.baseUrl}/api/v1/workspaces/${WS}${p}`, init);
  const runArgs = (file: string) => [file, "--server", app.baseUrl, "--workspace", WS];

  beforeAll(async () => {
    app = await startApp();
    // Longer than the demo's 1 s export batches, so no trace completes before its spans arrive.
    await api("/settings/telemetry", { method: "PUT", body: JSON.stringify({ trace_idle_ms: 2_500, default_timeout_ms: 15_000 }) });
    demo = startDemo(app, { DEMO_TRAFFIC_S: "12" });
    await new Promise((r) => setTimeout(r, 14_000));
    // Every trace complete: flows stop changing.
    let last = "";
    for (let i = 0; i < 40; i++) {
      await new Promise((r) => setTimeout(r, 1_000));
      const body = (await (await api("/telemetry/flows?limit=100")).json()) as { flows: Flow[] };
      const now = JSON.stringify(body.flows.map((f) => [f.id, f.occurrence_count]));
      flows = body.flows;
      if (now === last) break;
      last = now;
    }
    for (const flow of flows) {
      const { yaml, file_name } = (await (await api(`/telemetry/flows/${flow.id}/export`, { method: "POST" })).json()) as { yaml: string; file_name: string };
      const file = path.join(dir, `${flows.indexOf(flow)}-${file_name}`);
      writeFileSync(file, yaml);
      files.set(flow.id, file);
    }
  }, 120_000);

  afterAll(async () => {
    await demo?.stop();
    await app?.stop();
  });

  it("discovers the demo's flows and every exported test passes unedited", async () => {
    expect(flows.length).toBeGreaterThanOrEqual(4);
    const { code, output } = await run([dir, "--server", app.baseUrl, "--workspace", WS, "--junit", path.join(dir, "junit.xml")]);
    expect(output).toMatch(new RegExp(`${flows.length} passed, 0 failed, 0 inconclusive`));
    expect(code, output).toBe(0);
    const { executions } = (await (await api("/executions?limit=100")).json()) as { executions: { status: string; flow_id: string }[] };
    expect(executions.filter((e) => e.status === "passed").map((e) => e.flow_id).sort()).toEqual(flows.map((f) => f.id).sort());
  }, 120_000);

  it("discovers the support question the assistant answers with an LLM, and indexes its calls", async () => {
    expect(flows.map((f) => f.name)).toContain("api-gateway → POST /api/v1/support/questions");
    const usage = (await (await api("/telemetry/llm/usage")).json()) as { models: { model: string; calls: number }[] };
    expect(usage.models.map((m) => m.model).sort()).toEqual(["gpt-4o", "gpt-4o-mini"]);
  });

  it("exports the storefront's checkout journey as chained steps", () => {
    const journey = flows.find((f) => f.name === "storefront → checkout journey");
    expect(journey, "the storefront journey flow").toBeDefined();
    const yaml = readFileSync(files.get(journey!.id)!, "utf8");
    // The order is read back by the id its creation returned, not by the id production saw.
    expect(yaml).toMatch(/url: "?\{\{base_url\}\}\/api\/v1\/orders\/\{\{post_api_v1_orders\.body\.id\}\}"?/);
    expect(yaml).not.toContain("service: storefront");
  });

  it("fails the loyalty test with the loyalty node missing when orders stops calling it", async () => {
    const loyalty = flows.find((f) => f.path.some((n) => n.identifier === "POST /loyalty/points"));
    expect(loyalty, "a flow through loyalty").toBeDefined();
    await demo.stop();
    demo = startDemo(app, { DEMO_SKIP_LOYALTY: "1", DEMO_TRAFFIC_S: "1" });
    await new Promise((r) => setTimeout(r, 6_000));
    const { code, output } = await run(runArgs(files.get(loyalty!.id)!));
    expect(code, output).toBe(1);
    const { executions } = (await (await api(`/telemetry/flows/${loyalty!.id}/executions?limit=1`)).json()) as { executions: { id: string }[] };
    const validation = await (await api(`/executions/${executions[0].id}/trace-validation`)).json();
    expect(validation.status).toBe("failed");
    expect(validation.missing_nodes.map((n: { identifier: string }) => n.identifier)).toEqual(["POST /loyalty/points"]);
  }, 60_000);

  it("reports slow spans when a service answers late", async () => {
    const products = flows.find((f) => f.name === "api-gateway → GET /api/v1/products");
    expect(products, "the product list flow").toBeDefined();
    await demo.stop();
    demo = startDemo(app, { DEMO_SLOW_SERVICE: "products", DEMO_SLOW_MS: "400", DEMO_TRAFFIC_S: "1" });
    await new Promise((r) => setTimeout(r, 6_000));
    const { code, output } = await run(runArgs(files.get(products!.id)!));
    expect(code, output).toBe(1);
    const { executions } = (await (await api(`/telemetry/flows/${products!.id}/executions?limit=1`)).json()) as { executions: { id: string }[] };
    const validation = await (await api(`/executions/${executions[0].id}/trace-validation`)).json();
    expect(validation.status).toBe("failed");
    expect(validation.slow_spans.map((s: { node: string }) => s.node)).toContain("api_endpoint:GET /products");
  }, 60_000);
});
