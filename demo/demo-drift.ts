// Drift within minutes of `npm start -- --demo`: the demo gives its workspace a short learning
// window, then changes one path at runtime (orders starts a fraud check on every order), so
// Flowprint opens an alert while the user is still looking. Without it a first session would
// wait a day for the default window to end.
import type { DemoConfig } from "./config";

/** The schema's defaults: a workspace still holding both was never tuned by anyone. */
export const DEFAULT_DRIFT_LEARNING = { drift_learning_ms: 86_400_000, drift_learning_traces: 100 } as const;

export type LearningDecision = { apply: true } | { apply: false; reason: string };

/**
 * Whether the demo may shorten the workspace's learning window. Only a fresh workspace: both
 * learning settings at their defaults (nobody chose them) and no trace stored yet (no entry
 * point of real traffic whose baseline a shorter window would cut short). A workspace the demo
 * set up before keeps its short window, since its settings are no longer the defaults.
 */
export function decideDemoLearning(settings: unknown, storedTraces: unknown): LearningDecision {
  const s = (settings ?? {}) as Partial<Record<keyof typeof DEFAULT_DRIFT_LEARNING, unknown>>;
  if (typeof s.drift_learning_ms !== "number" || typeof s.drift_learning_traces !== "number") {
    return { apply: false, reason: "the workspace's settings could not be read" };
  }
  if (s.drift_learning_ms !== DEFAULT_DRIFT_LEARNING.drift_learning_ms || s.drift_learning_traces !== DEFAULT_DRIFT_LEARNING.drift_learning_traces) {
    return { apply: false, reason: `the workspace has its own (${s.drift_learning_ms} ms, ${s.drift_learning_traces} traces)` };
  }
  if (typeof storedTraces !== "number") return { apply: false, reason: "the workspace's traces could not be counted" };
  if (storedTraces > 0) return { apply: false, reason: `the workspace already holds ${storedTraces} traces` };
  return { apply: true };
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

async function readJson(fetchImpl: Fetch, url: string, init?: RequestInit): Promise<unknown> {
  const response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url} answered ${response.status}`);
  return response.json();
}

/** Shortens a fresh workspace's learning window; says what it did, for the demo's log. */
export async function applyDemoLearning(config: Pick<DemoConfig, "flowprintUrl" | "workspace" | "driftLearningMs" | "driftLearningTraces">, fetchImpl: Fetch = fetch): Promise<string> {
  const api = `${config.flowprintUrl}/api/v1/workspaces/${encodeURIComponent(config.workspace)}`;
  try {
    const settings = await readJson(fetchImpl, `${api}/settings/telemetry`);
    const traces = ((await readJson(fetchImpl, `${api}/telemetry/traces?limit=1`)) as { total?: unknown } | null)?.total;
    const decision = decideDemoLearning(settings, traces);
    if (!decision.apply) return `drift learning settings left as they are: ${decision.reason}`;
    await readJson(fetchImpl, `${api}/settings/telemetry`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ drift_learning_ms: config.driftLearningMs, drift_learning_traces: config.driftLearningTraces }),
    });
    return `drift learns each entry point's baseline from its first ${config.driftLearningMs / 1000} s and ${config.driftLearningTraces} traces (a fresh workspace)`;
  } catch (error) {
    return `drift learning settings left as they are: ${(error as Error).message}`;
  }
}

/** The message run-demo.ts sends the orders process when the path changes. */
export const DRIFT_MESSAGE = { type: "drift" } as const;

/**
 * When the path changes, in ms after traffic starts, or null for no change: off, or the demo or
 * its traffic stops first (DEMO_DURATION_S, DEMO_TRAFFIC_S), when nothing would show the change
 * and test runs against the serving services must meet the system they were exported from.
 * The demo shortens learning only when the path will change.
 */
export function driftDelayMs(config: Pick<DemoConfig, "driftAfterS" | "trafficS" | "durationS">): number | null {
  if (config.driftAfterS <= 0) return null;
  if (config.trafficS !== undefined && config.trafficS <= config.driftAfterS) return null;
  if (config.durationS !== undefined && config.durationS <= config.driftAfterS) return null;
  return config.driftAfterS * 1000;
}
