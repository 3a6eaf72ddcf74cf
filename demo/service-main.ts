// Entry point of one demo service process: `node --import tsx demo/service-main.ts <service>`,
// forked by run-demo.ts with DEMO_SERVICE_PORT and DEMO_SERVICE_URLS set. Telemetry starts
// before the service module loads so every server and client it creates is instrumented.
import { exportConfigOf, readDemoConfig, SERVICE_NAMES, type ServiceName, type ServiceUrls } from "./config";
import { closeServer, listen } from "./http-server";
import type { CreateService } from "./services/service-definition";
import { describeExportError, startTelemetry } from "./telemetry";

const SERVICE_MODULES: Record<ServiceName, () => Promise<{ createService: CreateService }>> = {
  "api-gateway": () => import("./services/api-gateway"),
  orders: () => import("./services/orders"),
  users: () => import("./services/users"),
  products: () => import("./services/products"),
  loyalty: () => import("./services/loyalty"),
  notifications: () => import("./services/notifications"),
  storefront: () => import("./services/storefront"),
  assistant: () => import("./services/assistant"),
  "model-server": () => import("./services/model-server"),
};

/** Messages a service process sends its parent over the IPC channel. */
export type ServiceMessage = { type: "ready"; service: ServiceName; port: number } | { type: "settled"; service: ServiceName };
/** Messages the parent sends: traffic started, or traffic stopped (finish and export everything). */
export type LauncherMessage = { type: "traffic" } | { type: "settle" };

function fail(message: string): never {
  console.error(`[demo] ${message}`);
  process.exit(2);
}

const serviceName = process.argv[2] as ServiceName;
if (!SERVICE_NAMES.includes(serviceName)) fail(`unknown service "${process.argv[2]}"`);
const port = Number(process.env.DEMO_SERVICE_PORT);
if (!Number.isInteger(port) || port <= 0) fail("DEMO_SERVICE_PORT must be a port number");
const urls = JSON.parse(process.env.DEMO_SERVICE_URLS ?? "{}") as ServiceUrls;

// host:port of every peer, for `peer.service` on outgoing client spans.
const peerServiceByHost = new Map(
  SERVICE_NAMES.map((name) => [new URL(urls[name]).host, name] as const),
);
const telemetry = startTelemetry({ serviceName, exportConfig: exportConfigOf(readDemoConfig()), peerServiceByHost });
const { createService } = await SERVICE_MODULES[serviceName]();
const service = createService({ tracer: telemetry.tracer, urls });
const server = await listen(port, service.routes, service.raw);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await closeServer(server);
  await service.drain?.();
  // Flushes the batch processor: spans of the last requests are exported before exit.
  await telemetry
    .shutdown()
    .catch((error: unknown) => console.error(`[demo] ${serviceName}: final flush failed: ${describeExportError(error)}`));
  process.exit(0);
}

process.on("SIGTERM", () => void stop());
if (process.send) {
  // Under run-demo.ts, Ctrl-C reaches every process of the group at once; the parent then
  // stops traffic first and sends SIGTERM, so in-flight requests still finish and are traced.
  process.on("SIGINT", () => {});
  // The parent went away without stopping us (crash, kill -9): do not linger.
  process.on("disconnect", () => void stop());
  process.on("message", (message: LauncherMessage) => {
    if (message?.type !== "settle") return;
    void (async () => {
      await service.drain?.();
      await telemetry.flush().catch((error: unknown) => console.error(`[demo] ${serviceName}: flush failed: ${describeExportError(error)}`));
      const settled: ServiceMessage = { type: "settled", service: serviceName };
      process.send?.(settled);
    })();
  });
  const ready: ServiceMessage = { type: "ready", service: serviceName, port };
  process.send(ready);
} else {
  process.on("SIGINT", () => void stop());
  console.log(`[demo] ${serviceName} listening on http://127.0.0.1:${port}`);
}
