// Environment read by the demo launcher and its service processes, in one place so names and
// defaults cannot drift between the two.

/** The services the demo starts, one child process each. Order is the port order. */
export const SERVICE_NAMES = [
  "api-gateway",
  "orders",
  "users",
  "products",
  "loyalty",
  "notifications",
  "storefront",
  "assistant",
  "model-server",
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Base URL of each service, e.g. `{ orders: "http://127.0.0.1:4101" }`. */
export type ServiceUrls = Record<ServiceName, string>;

export type ExportFormat = "proto" | "json";

export interface ExportConfig {
  /** Full OTLP/HTTP traces URL: `${FLOWPRINT_URL}/v1/traces`. */
  tracesUrl: string;
  headers: Record<string, string>;
  format: ExportFormat;
}

export interface DemoConfig {
  flowprintUrl: string;
  workspace: string;
  ingestKey: string | undefined;
  requestsPerSecond: number;
  basePort: number;
  /** Undefined: run until Ctrl-C / SIGTERM. */
  durationS: number | undefined;
  /**
   * Traffic stops after this long while the services keep serving (to run tests against them);
   * 0 sends none, so test runs meet a system that no production traffic is changing.
   */
  trafficS: number | undefined;
  exportFormat: ExportFormat;
  /** A service that answers every request DEMO_SLOW_MS late (slow_spans in test runs). */
  slowService: ServiceName | undefined;
  slowMs: number;
  /** orders stops crediting loyalty points (a missing node in test runs, drift in Flowprint). */
  skipLoyalty: boolean;
  /** Share of model calls the model-server refuses with 429, as a provider's rate limit would. */
  llmErrorShare: number;
  /**
   * Seconds after traffic starts at which orders begins a fraud check on every order: a new
   * path, so Flowprint opens a drift alert. 0: no change, and learning settings are left alone.
   */
  driftAfterS: number;
  /** The short learning window the demo gives a fresh workspace, so it can drift in minutes. */
  driftLearningMs: number;
  driftLearningTraces: number;
}

function positiveNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  }
  return value;
}

function nonNegativeNumber(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of 0 or more, got "${raw}"`);
  return value;
}

function share(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`${name} must be a number from 0 to 1, got "${raw}"`);
  }
  return value;
}

function slowServiceOf(raw: string | undefined): ServiceName | undefined {
  if (!raw) return undefined;
  if (!(SERVICE_NAMES as readonly string[]).includes(raw)) throw new Error(`DEMO_SLOW_SERVICE must be one of ${SERVICE_NAMES.join(", ")}, got "${raw}"`);
  return raw as ServiceName;
}

export function readDemoConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  const format = (env.DEMO_EXPORT_FORMAT ?? "proto").toLowerCase();
  if (format !== "proto" && format !== "json") {
    throw new Error(`DEMO_EXPORT_FORMAT must be "proto" or "json", got "${format}"`);
  }
  const driftAfterS = env.DEMO_DRIFT_AFTER_S?.trim() === "0" ? 0 : positiveNumber("DEMO_DRIFT_AFTER_S", env.DEMO_DRIFT_AFTER_S, 150);
  const driftLearningS = positiveNumber("DEMO_DRIFT_LEARNING_S", env.DEMO_DRIFT_LEARNING_S, 120);
  // A change during the learning window would quietly join the baseline instead of alerting.
  if (driftAfterS > 0 && driftAfterS <= driftLearningS) {
    throw new Error(`DEMO_DRIFT_AFTER_S (${driftAfterS}) must be later than DEMO_DRIFT_LEARNING_S (${driftLearningS}), or the changed path is learned as normal`);
  }
  return {
    // A trailing slash would give "//v1/traces", which Next.js does not route.
    flowprintUrl: (env.FLOWPRINT_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
    workspace: env.DEMO_WORKSPACE || "default",
    ingestKey: env.FLOWPRINT_INGEST_KEY || undefined,
    requestsPerSecond: positiveNumber("DEMO_RPS", env.DEMO_RPS, 2),
    basePort: Math.floor(positiveNumber("DEMO_BASE_PORT", env.DEMO_BASE_PORT, 4100)),
    durationS: env.DEMO_DURATION_S ? positiveNumber("DEMO_DURATION_S", env.DEMO_DURATION_S, 0) : undefined,
    trafficS: nonNegativeNumber("DEMO_TRAFFIC_S", env.DEMO_TRAFFIC_S),
    exportFormat: format,
    slowService: slowServiceOf(env.DEMO_SLOW_SERVICE),
    slowMs: positiveNumber("DEMO_SLOW_MS", env.DEMO_SLOW_MS, 500),
    skipLoyalty: env.DEMO_SKIP_LOYALTY === "1" || env.DEMO_SKIP_LOYALTY === "true",
    llmErrorShare: share("DEMO_LLM_ERROR_SHARE", env.DEMO_LLM_ERROR_SHARE, 0.03),
    driftAfterS,
    driftLearningMs: Math.round(driftLearningS * 1000),
    driftLearningTraces: Math.floor(positiveNumber("DEMO_DRIFT_LEARNING_TRACES", env.DEMO_DRIFT_LEARNING_TRACES, 20)),
  };
}

/** Where and how every service process exports its spans. */
export function exportConfigOf(config: DemoConfig): ExportConfig {
  const headers: Record<string, string> = { "X-Workspace-ID": config.workspace };
  // Only sent when set: an empty bearer token would be rejected by a Flowprint that has no keys.
  if (config.ingestKey) headers.Authorization = `Bearer ${config.ingestKey}`;
  return { tracesUrl: `${config.flowprintUrl}/v1/traces`, headers, format: config.exportFormat };
}
