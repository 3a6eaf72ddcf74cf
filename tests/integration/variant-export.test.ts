// Every variant of an entry point exported as its own test, asserting why its path is taken, run
// against the demo system: the gold-customer order (loyalty is called only for gold customers)
// and the standard order both pass; when orders stops calling loyalty the gold case fails on
// its missing loyalty call, both the path and the explanation's assertion, while the standard
// case still passes.
//
// No verdict here depends on how busy the machine is (the reasoning of demo-acceptance.test.ts):
// - Budgets are learned from 12 s of demo traffic at 25 requests/s on this machine under its
//   current load; the runs then meet services with no traffic at all.
// - The explanation needs enough gold orders to hold (90% of gold traces on the loyalty path):
//   the demo's random mix gives about 15, a few of which may hit its sold-out product, so the
//   test adds 24 gold and 24 standard orders of its own, one at a time, and waits until
//   Flowprint has counted each of them, not for a time.
// - The changed system is a restarted demo with DEMO_TRAFFIC_S=0, and the demo's drift (a fraud
//   check that would change every order's path) is off, so nothing but the runs reaches it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CUSTOMERS, PRODUCTS } from "../../demo/catalog";
import { startApp, type AppServer } from "../support/app-server";

const WS = "variants";
const BASE_PORT = "4920";
const GATEWAY_URL = `http://127.0.0.1:${BASE_PORT}`;
const ENTRY = { entry_service: "api-gateway", entry_operation: "POST /api/v1/orders" };
/** Generous: nine service processes start per demo, on a machine that may be busy. */
const DEMO_LOG_TIMEOUT_MS = 180_000;
const EXTRA_ORDERS_PER_TIER = 24;

interface Flow {
  id: string;
  entry_service: string;
  entry_operation: string;
  occurrence_count: number;
  error_rate: number;
  path: { type: string; identifier: string }[];
}

interface Explanation {
  effect: "called" | "skipped";
  attribute: string;
  value: string;
}

interface ExportedFile {
  yaml: string;
  file_name: string;
  flow_id: string;
  variant_label: string | null;
  explanations: string[];
  warnings: string[];
}

interface Demo {
  ready: Promise<void>;
  logged(pattern: RegExp): Promise<void>;
  stop(): Promise<void>;
}

function startDemo(app: AppServer, env: Record<string, string> = {}): Demo {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "demo/run-demo.ts"], {
    env: {
      ...process.env,
      FLOWPRINT_URL: app.baseUrl,
      DEMO_WORKSPACE: WS,
      DEMO_RPS: "25",
      DEMO_BASE_PORT: BASE_PORT,
      DEMO_CACHE_MISS_SHARE: "0",
      DEMO_LLM_ERROR_SHARE: "0",
      DEMO_SUPPLIER_FAILURE_SHARE: "0",
      DEMO_READ_FAILURE_SHARE: "0",
      DEMO_DRIFT_AFTER_S: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const logged = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + DEMO_LOG_TIMEOUT_MS;
      const check = () => {
        if (pattern.test(output)) return resolve();
        if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`the demo exited before logging ${pattern}:\n${output}`));
        if (Date.now() > deadline) return reject(new Error(`the demo did not log ${pattern} within ${DEMO_LOG_TIMEOUT_MS / 1000} s:\n${output}`));
        setTimeout(check, 200);
      };
      check();
    });
  const ready = logged(/\[demo\] (sending \d+ requests\/s|DEMO_TRAFFIC_S=0: no traffic)/);
  ready.catch(() => undefined);
  return {
    ready,
    logged,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
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

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe("every variant of an entry point as tests asserting why its path is taken, against the demo", () => {
  let app: AppServer;
  let demo: Demo | undefined;
  let gold: ExportedFile;
  let standard: ExportedFile;
  const files = new Map<string, string>();
  const dir = mkdtempSync(path.join(tmpdir(), "flowprint-variants-"));
  const api = (p: string, init?: RequestInit) => fetch(`${app.baseUrl}/api/v1/workspaces/${WS}${p}`, init);
  const exportVariants = (body: unknown) => api("/telemetry/entry-points/export", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const runArgs = (...paths: string[]) => [...paths, "--server", app.baseUrl, "--workspace", WS];

  async function serveDemo(env: Record<string, string> = {}): Promise<void> {
    await demo?.stop();
    demo = startDemo(app, { DEMO_TRAFFIC_S: "0", ...env });
    await demo.ready;
  }

  async function orderFlows(): Promise<Flow[]> {
    const { flows } = (await (await api("/telemetry/flows?limit=100")).json()) as { flows: Flow[] };
    return flows.filter((f) => f.entry_service === ENTRY.entry_service && f.entry_operation === ENTRY.entry_operation);
  }

  /** Every span Flowprint received is written and every trace completed; returns the orders traces counted. */
  async function countedOrders(): Promise<number> {
    return waitFor("every trace complete", async () => {
      const health = (await (await fetch(`${app.baseUrl}/api/health`)).json()) as { ingest_backlog_spans: number };
      const { traces, total } = (await (await api("/telemetry/traces?limit=1000")).json()) as { traces: { state: string }[]; total: number };
      expect(total, "more traces than one page holds").toBeLessThan(1_000);
      if (health.ingest_backlog_spans !== 0 || total === 0 || traces.some((t) => t.state !== "complete")) return undefined;
      return (await orderFlows()).reduce((sum, f) => sum + f.occurrence_count, 0);
    });
  }

  async function explanationsOf(flowId: string): Promise<Explanation[]> {
    return ((await (await api(`/telemetry/flows/${flowId}`)).json()) as { explanations: Explanation[] }).explanations;
  }

  beforeAll(async () => {
    app = await startApp();
    // Longer than the demo's 1 s export batches, so no trace completes before its spans arrive.
    await api("/settings/telemetry", { method: "PUT", body: JSON.stringify({ trace_idle_ms: 2_500, default_timeout_ms: 30_000 }) });
    demo = startDemo(app, { DEMO_TRAFFIC_S: "12" });
    await demo.logged(/\[demo\] every span of the traffic exported/);
    const before = await countedOrders();

    // Orders of both tiers the statistics can rely on, each of in-stock products.
    const inStock = PRODUCTS.filter((p) => p.stock > 0);
    const customers = [...CUSTOMERS.filter((c) => c.tier === "gold"), ...CUSTOMERS.filter((c) => c.tier !== "gold").slice(0, 2)];
    let sent = 0;
    for (let i = 0; i < EXTRA_ORDERS_PER_TIER; i++) {
      for (const tier of ["gold", "standard"]) {
        const customer = customers.filter((c) => (c.tier === "gold") === (tier === "gold"))[i % 2];
        const response = await fetch(`${GATEWAY_URL}/api/v1/orders`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-customer-id": customer.id, "x-customer-tier": customer.tier },
          body: JSON.stringify({ customerId: customer.id, items: [{ productId: inStock[i % inStock.length].id, quantity: 1 }] }),
        });
        expect(response.status).toBe(201);
        sent++;
      }
    }
    await waitFor("the added orders counted", async () => ((await countedOrders()) >= before + sent ? true : undefined));

    const flows = await orderFlows();
    const goldFlow = flows.find((f) => f.error_rate === 0 && f.path.some((n) => n.identifier === "POST /loyalty/points"));
    const standardFlow = flows.filter((f) => f.error_rate === 0 && !f.path.some((n) => n.identifier.includes("loyalty"))).sort((a, b) => b.occurrence_count - a.occurrence_count)[0];
    expect(goldFlow, "the gold order flow").toBeDefined();
    expect(standardFlow, "the standard order flow").toBeDefined();
    // Explanations are refreshed by the drift sweep after every 5% of new traffic.
    await waitFor("both explanations", async () => {
      const [forGold, forStandard] = await Promise.all([explanationsOf(goldFlow!.id), explanationsOf(standardFlow!.id)]);
      const told = (list: Explanation[], effect: string, value: string) => list.some((e) => e.effect === effect && e.attribute === "customer.tier" && e.value === value);
      return told(forGold, "called", "gold") && told(forStandard, "skipped", "standard") ? true : undefined;
    });

    const response = await exportVariants(ENTRY);
    expect(response.status).toBe(200);
    const exported = (await response.json()) as { files: ExportedFile[]; warnings: string[] };
    expect(exported.files.map((f) => f.flow_id).sort()).toEqual(flows.map((f) => f.id).sort());
    gold = exported.files.find((f) => f.flow_id === goldFlow!.id)!;
    standard = exported.files.find((f) => f.flow_id === standardFlow!.id)!;
    for (const file of exported.files) {
      const written = path.join(dir, file.file_name);
      writeFileSync(written, file.yaml);
      files.set(file.flow_id, written);
    }
  }, 600_000);

  afterAll(async () => {
    await demo?.stop();
    await app?.stop();
  });

  it("answers a 400 naming the field for bad input, and a 404 for an entry point without flows", async () => {
    const missing = await exportVariants({ entry_service: "api-gateway" });
    expect(missing.status).toBe(400);
    const body = (await missing.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues.map((i) => i.path)).toEqual(["entry_operation"]);
    const unknown = await exportVariants({ entry_service: "api-gateway", entry_operation: "DELETE /nothing" });
    expect(unknown.status).toBe(404);
  });

  it("writes every variant's file from the CLI too", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "flowprint-variants-cli-"));
    const cli = spawnSync(process.execPath, ["bin/flowprint.mjs", "export", "variants", "api-gateway", "POST", "/api/v1/orders", "--server", app.baseUrl, "--workspace", WS, "-o", out], { encoding: "utf8" });
    expect(cli.status, cli.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...files.values()].map((f) => path.basename(f)).sort());
  });

  it("states each case's explanation both ways and asserts the order's database write", () => {
    // Other explanations may come along (only successful orders write the database, for one).
    expect(gold.explanations).toContainEqual(expect.stringMatching(/^`POST \/loyalty\/points` is called only when `customer\.tier = gold`/));
    expect(standard.explanations).toContainEqual(expect.stringMatching(/^`POST \/loyalty\/points` is skipped when `customer\.tier = standard`/));
    expect(gold.yaml.match(/^ {4}- .* implies .*$/gm)).toHaveLength(2 * gold.explanations.length);
    // The replayed request carries what the entry span's attribute came from.
    expect(gold.yaml).toMatch(/x-customer-tier: gold/);
    expect(gold.yaml).toContain(".attributes['customer.tier'] == 'gold') implies trace.spans | any(.attributes['http.route'] == '/loyalty/points'");
    expect(standard.yaml).toContain("implies not (trace.spans | any(.attributes['http.route'] == '/loyalty/points'");
    for (const file of [gold, standard]) expect(file.yaml).toContain(".attributes['db.operation.name'] == 'INSERT' and .attributes['db.collection.name'] == 'orders')");
  });

  it("passes both cases against the demo unedited", async () => {
    const { code, output } = await run(runArgs(files.get(gold.flow_id)!, files.get(standard.flow_id)!));
    expect(output).toMatch(/2 passed, 0 failed, 0 inconclusive/);
    expect(code, output).toBe(0);
  }, 300_000);

  it("fails the gold case replayed for a standard customer, and says the request's tier explains the missing loyalty call", async () => {
    const standardCustomer = CUSTOMERS.find((c) => c.tier !== "gold")!;
    let yaml = readFileSync(files.get(gold.flow_id)!, "utf8");
    for (const customer of CUSTOMERS.filter((c) => c.tier === "gold")) yaml = yaml.split(customer.id).join(standardCustomer.id);
    yaml = yaml.replace(/x-customer-tier: gold/g, "x-customer-tier: standard");
    const file = path.join(dir, "edited", "gold-case-for-a-standard-customer.yaml");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, yaml);
    const { code, output } = await run(runArgs(file));
    expect(code, output).toBe(1);
    expect(output).toMatch(
      /\n {2}first divergence: POST \/loyalty\/points \(loyalty\) was not called after [^\n]+; this request had customer\.tier = standard, and POST \/loyalty\/points is only called when customer\.tier = gold\n/,
    );
  }, 300_000);

  it("fails the gold case, naming loyalty, when orders stops calling it; the standard case still passes", async () => {
    await serveDemo({ DEMO_SKIP_LOYALTY: "1" });
    const goldRun = await run(runArgs(files.get(gold.flow_id)!));
    expect(goldRun.code, goldRun.output).toBe(1);
    expect(goldRun.output).toContain("/loyalty/points");
    // The request was a gold customer's, so its tier does not explain it: the system changed.
    expect(goldRun.output).toMatch(
      /\n {2}first divergence: POST \/loyalty\/points \(loyalty\) was not called after [^\n]+ although this request had customer\.tier = gold; in the traffic the flow was learned from, POST \/loyalty\/points is called when customer\.tier = gold\n/,
    );
    const { executions } = (await (await api(`/telemetry/flows/${gold.flow_id}/executions?limit=1`)).json()) as { executions: { id: string }[] };
    const validation = (await (await api(`/executions/${executions[0].id}/trace-validation`)).json()) as {
      status: string;
      missing_nodes: { identifier: string }[];
      failed_assertions: { expression: string }[];
      diagnosis: { first_divergence: { kind: string; diverged_at: { service: string; operation: string }; request_attributes: Record<string, string>; explanation: string } };
    };
    expect(validation.status).toBe("failed");
    expect(validation.diagnosis.first_divergence).toMatchObject({
      kind: "missing",
      // Orders' handler is where the call should have been made.
      diverged_at: { service: "orders", operation: "POST /orders" },
      request_attributes: { "customer.tier": "gold" },
      explanation: expect.stringMatching(/^`POST \/loyalty\/points` was not called although this request had `customer\.tier = gold`/),
    });
    expect(validation.missing_nodes.map((n) => n.identifier)).toEqual(["POST /loyalty/points"]);
    expect(validation.failed_assertions.map((a) => a.expression)).toEqual([expect.stringMatching(/'gold'\) implies trace\.spans \| any\(\.attributes\['http\.route'\] == '\/loyalty\/points'/)]);

    const standardRun = await run(runArgs(files.get(standard.flow_id)!));
    expect(standardRun.code, standardRun.output).toBe(0);
  }, 300_000);
});
