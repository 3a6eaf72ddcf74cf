// `npm run demo`: starts the demo services (one child process each, each its own
// service.name), waits for Flowprint, then sends steady traffic to the gateway.
// Env: FLOWPRINT_URL (http://localhost:3000), DEMO_WORKSPACE (default), FLOWPRINT_INGEST_KEY,
// FLOWPRINT_DEMO_EMAIL and FLOWPRINT_DEMO_PASSWORD (with accounts on: who sets the workspace up),
// DEMO_RPS (2), DEMO_BASE_PORT (4100), DEMO_DURATION_S (until Ctrl-C), DEMO_EXPORT_FORMAT
// (proto | json), DEMO_SKIP_LOYALTY (1: orders no longer calls loyalty), DEMO_SLOW_SERVICE and
// DEMO_SLOW_MS (one service answers 500 ms late), DEMO_CACHE_MISS_SHARE (0.03: product lookups
// that take up to 0.9 s), DEMO_LLM_ERROR_SHARE (0.03: model calls the model-server refuses with
// 429), DEMO_SUPPLIER_FAILURE_SHARE (0.5: lookups of the espresso machine, category "machines",
// fail with 503, so orders with it fail), DEMO_READ_FAILURE_SHARE (0.03: order reads fail at
// random with "database is locked"), DEMO_TRAFFIC_S (traffic stops after this long, 0: none; the services keep serving),
// DEMO_DRIFT_AFTER_S (150; 0: off: orders starts a fraud check, a new path Flowprint alerts on;
// a fresh workspace first gets a learning window of DEMO_DRIFT_LEARNING_S, 120, and
// DEMO_DRIFT_LEARNING_TRACES, 20, so the alert comes within minutes). The
// storefront service runs a two-request checkout journey every second while traffic flows; the
// assistant answers support questions through the model-server, an OpenAI-compatible stand-in.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { applyDemoLearning, DRIFT_MESSAGE, driftDelayMs } from "./demo-drift";
import { allowKeylessIngest, signedInFetch, type Fetch } from "./flowprint-session";
import { exportConfigOf, readDemoConfig, SERVICE_NAMES, type ServiceName, type ServiceUrls } from "./config";
import { findFreePorts } from "./free-ports";
import type { LauncherMessage, ServiceMessage } from "./service-main";
import { startTraffic, type Traffic } from "./traffic";
import { waitForFlowprint } from "./wait-for-flowprint";

const READY_TIMEOUT_MS = 60_000;
/** After SIGTERM a service flushes its exporter; past this it is killed. */
const STOP_TIMEOUT_MS = 10_000;
/** How long a service waits for another before giving up on the call. */
const CALL_TIMEOUT_MS = 5_000;

const log = (message: string) => console.log(`[demo] ${message}`);

const config = readDemoConfig();
const exportConfig = exportConfigOf(config);
const ports = await findFreePorts(SERVICE_NAMES.length, config.basePort);
const urls = Object.fromEntries(
  SERVICE_NAMES.map((name, i) => [name, `http://127.0.0.1:${ports[i]}`]),
) as ServiceUrls;

const children = new Map<ServiceName, ChildProcess>();
/** Set once traffic starts; read by stop(), which may run before that. */
const running: { traffic?: Traffic } = {};
let stopping: Promise<void> | undefined;

function startService(name: ServiceName, port: number): Promise<void> {
  const child = fork(fileURLToPath(new URL("./service-main.ts", import.meta.url)), [name], {
    // Absolute, so the loader resolves whatever the working directory is.
    execArgv: ["--import", import.meta.resolve("tsx")],
    env: {
      ...process.env,
      DEMO_SERVICE_PORT: String(port),
      DEMO_SERVICE_URLS: JSON.stringify(urls),
      DEMO_EXTRA_LATENCY_MS: name === config.slowService ? String(config.slowMs) : "0",
      // A slow service is late, not down: its callers wait for it however slow it was made.
      DEMO_CALL_TIMEOUT_MS: String(CALL_TIMEOUT_MS + (config.slowService ? config.slowMs : 0)),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.set(name, child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} not ready after ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    child.on("message", (message: ServiceMessage) => {
      if (message.type === "ready") {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      children.delete(name);
      if (!stopping) {
        // A dead service would silently change every flow: stop the whole demo instead.
        const reason = `${name} exited (${signal ?? `code ${code}`})`;
        reject(new Error(reason));
        void stop(1, reason);
      }
    });
  });
}

function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function stopChildren(): Promise<void> {
  const running = [...children.values()];
  for (const child of running) child.kill("SIGTERM");
  const killTimer = setTimeout(() => {
    for (const child of running) if (child.exitCode === null) child.kill("SIGKILL");
  }, STOP_TIMEOUT_MS);
  await Promise.all(running.map(exitOf));
  clearTimeout(killTimer);
}

function stop(exitCode: number, reason: string): Promise<void> {
  stopping ??= (async () => {
    log(`stopping (${reason})`);
    // Traffic first, so the services finish and trace every request that was sent.
    await running.traffic?.stop();
    await stopChildren();
    if (running.traffic) {
      const c = running.traffic.counts;
      log(`sent ${c.completed} requests: ${c.ok} ok, ${c.clientErrors} 4xx, ${c.serverErrors} 5xx, ${c.failed} failed`);
    }
    process.exit(exitCode);
  })();
  return stopping;
}

process.on("SIGINT", () => void stop(0, "SIGINT"));
process.on("SIGTERM", () => void stop(0, "SIGTERM"));

try {
  await Promise.all(SERVICE_NAMES.map((name, i) => startService(name, ports[i]!)));
} catch (error) {
  await stop(1, (error as Error).message);
}
log(`services up: ${SERVICE_NAMES.map((name, i) => `${name} ${ports[i]}`).join(", ")}`);

log(`waiting for Flowprint at ${config.flowprintUrl}; spans go to ${exportConfig.tracesUrl} (${exportConfig.format}, workspace "${config.workspace}")`);
if (!(await waitForFlowprint(config.flowprintUrl, exportConfig))) {
  await stop(1, `Flowprint did not answer at ${config.flowprintUrl} within 2 minutes`);
}

// With accounts on, the demo administrator's session sets up the workspace.
let api: Fetch = fetch;
const demoEmail = process.env.FLOWPRINT_DEMO_EMAIL;
if (demoEmail) {
  try {
    api = await signedInFetch(config.flowprintUrl, demoEmail, process.env.FLOWPRINT_DEMO_PASSWORD ?? "");
    log(await allowKeylessIngest(config.flowprintUrl, config.workspace, api));
  } catch (error) {
    log(`workspace left as it is: ${(error as Error).message}`);
  }
}

// Before the first trace: the window applies to entry points from their first trace on.
const driftAfterMs = driftDelayMs(config);
if (driftAfterMs !== null) log(await applyDemoLearning(config, api));

if (config.trafficS === 0) {
  log("DEMO_TRAFFIC_S=0: no traffic, services serving");
} else {
  log(`sending ${config.requestsPerSecond} requests/s to ${urls["api-gateway"]}`);
  running.traffic = startTraffic({
    gatewayUrl: urls["api-gateway"],
    requestsPerSecond: config.requestsPerSecond,
    onProgress: (c) => log(`${c.completed} requests sent (${c.ok} ok, ${c.clientErrors} 4xx, ${c.serverErrors} 5xx, ${c.failed} failed)`),
  });
  for (const child of children.values()) child.send({ type: "traffic" });
}
/** Every service finishes its background work and exports the spans it holds. */
function settle(): Promise<void> {
  const message: LauncherMessage = { type: "settle" };
  return Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          const onMessage = (reply: ServiceMessage) => {
            if (reply.type !== "settled") return;
            child.off("message", onMessage);
            resolve();
          };
          child.on("message", onMessage);
          child.send(message);
        }),
    ),
  ).then(() => undefined);
}

if (config.trafficS !== undefined && config.trafficS > 0) {
  setTimeout(async () => {
    log(`DEMO_TRAFFIC_S=${config.trafficS}: traffic stopped, services keep serving`);
    await running.traffic?.stop();
    await settle();
    // Whoever runs tests against the services next can count on every span of the traffic
    // having been sent.
    log("every span of the traffic exported");
  }, config.trafficS * 1000);
}
if (driftAfterMs !== null && running.traffic) {
  setTimeout(() => {
    log(`DEMO_DRIFT_AFTER_S=${config.driftAfterS}: orders now runs a fraud check on every order, a new path; Flowprint shows the drift alert once the workspace's drift_confirm_ms has passed`);
    children.get("orders")?.send(DRIFT_MESSAGE);
  }, driftAfterMs);
}
if (config.durationS !== undefined) {
  setTimeout(() => void stop(0, `DEMO_DURATION_S=${config.durationS}`), config.durationS * 1000);
}
