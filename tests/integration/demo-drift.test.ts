// Drift in a first session: the demo gives its fresh workspace a short learning window, changes
// one path at runtime (orders starts a fraud check), and the running app opens an alert for it.
// The same traffic carries the demo's two failures, which the diagnosis tells apart.
// Short timings here; the verdict waits with generous polling, never on how fast it came.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";

const WS = "demo-drift";

interface Alert {
  state: string;
  entry_service: string;
  entry_operation: string;
  current_nodes: { identifier: string; service: string }[];
}
interface Learning {
  learning_ms: number;
  learning_traces: number;
  entry_points: { entry_service: string; entry_operation: string; traces_needed: number; ready: boolean }[];
}

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} not seen within ${timeoutMs / 1000} s; last: ${JSON.stringify(value).slice(0, 2_000)}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

describe("the demo's drift", () => {
  let app: AppServer;
  let output = "";
  let demo: ReturnType<typeof spawn> | undefined;
  const api = async <T>(p: string, init?: RequestInit) => (await fetch(`${app.baseUrl}/api/v1/workspaces/${WS}${p}`, init)).json() as Promise<T>;

  beforeAll(async () => {
    app = await startApp();
    // Not learning settings, so the workspace still counts as fresh: traces complete sooner and
    // alerts show at once, which only shortens the wait.
    await api("/settings/telemetry", { method: "PUT", body: JSON.stringify({ trace_idle_ms: 2_500, drift_confirm_ms: 0 }) });
    demo = spawn(process.execPath, ["--import", "tsx", "demo/run-demo.ts"], {
      env: {
        ...process.env,
        FLOWPRINT_URL: app.baseUrl,
        DEMO_WORKSPACE: WS,
        DEMO_RPS: "10",
        DEMO_BASE_PORT: "4870",
        DEMO_DRIFT_LEARNING_S: "4",
        DEMO_DRIFT_LEARNING_TRACES: "10",
        DEMO_DRIFT_AFTER_S: "25",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    demo.stdout!.on("data", (d) => (output += d));
    demo.stderr!.on("data", (d) => (output += d));
  }, 240_000);

  afterAll(async () => {
    if (demo && demo.exitCode === null) {
      const exited = new Promise((resolve) => demo!.once("exit", resolve));
      demo.kill("SIGTERM");
      await exited;
    }
    await app?.stop();
  });

  it("shortens the fresh workspace's learning window, shows the progress, and opens an alert for the changed path", async () => {
    const settings = await poll(
      () => api<{ drift_learning_ms: number; drift_learning_traces: number }>("/settings/telemetry"),
      (s) => s.drift_learning_ms === 4_000,
      60_000,
      "the demo's learning settings",
    );
    expect(settings).toMatchObject({ drift_learning_ms: 4_000, drift_learning_traces: 10 });

    const learning = await poll(
      () => api<Learning>("/telemetry/drift/learning"),
      (l) => l.entry_points.some((e) => e.entry_operation === "POST /api/v1/orders" && e.ready),
      120_000,
      "the orders entry point's baseline ready",
    );
    expect(learning).toMatchObject({ learning_ms: 4_000, learning_traces: 10 });
    expect(learning.entry_points.find((e) => e.entry_operation === "POST /api/v1/orders")).toMatchObject({ entry_service: "api-gateway", traces_needed: 10, ready: true });

    const { alerts } = await poll(
      () => api<{ alerts: Alert[] }>("/telemetry/drift?state=open&limit=100"),
      (body) => body.alerts.some((a) => a.current_nodes.some((n) => n.identifier === "POST /users/:id/fraud-check")),
      180_000,
      "an open alert with the fraud check",
    );
    const alert = alerts.find((a) => a.current_nodes.some((n) => n.identifier === "POST /users/:id/fraud-check"))!;
    expect(alert.entry_service).toMatch(/^(api-gateway|storefront)$/);
    expect(alert.current_nodes.find((n) => n.identifier === "POST /users/:id/fraud-check")?.service).toBe("users");
    expect(output).toMatch(/DEMO_DRIFT_AFTER_S=25: orders now runs a fraud check/);
  }, 420_000);

  it("diagnoses the demo's failures: the machines' supplier feed by its category, the random read failures by nothing", async () => {
    interface Diagnosis {
      errors: { origins: { service: string; operation: string; status_message: string; role: string }[]; contrasts: { source: string; key: string; value: string }[]; note: string | null };
    }
    const diagnose = (operation: string) => api<Diagnosis>(`/telemetry/entry-points/diagnosis?${new URLSearchParams({ entry_service: "api-gateway", entry_operation: operation })}`);
    // Traffic keeps coming: wait until enough orders with a machine have failed to be sure.
    const orders = await poll(
      () => diagnose("POST /api/v1/orders"),
      (d) => d.errors.contrasts.some((c) => c.key === "product.category" && c.value === "machines"),
      180_000,
      "product.category = machines behind the orders' failures",
    );
    expect(orders.errors.origins.some((o) => o.role === "cause" && o.service === "products" && o.status_message === "supplier feed for machines timed out")).toBe(true);
    expect(orders.errors.contrasts.find((c) => c.value === "machines")!.source).toBe("products GET /products/:id");

    const reads = await poll(
      () => diagnose("GET /api/v1/orders/:id"),
      (d) => d.errors.origins.some((o) => o.status_message === "database is locked"),
      180_000,
      "a failed order read",
    );
    expect(reads.errors.contrasts, JSON.stringify(reads.errors.contrasts)).toEqual([]);
    expect(reads.errors.note).toBe("No attribute separates failing from passing traces.");
  }, 420_000);
});
