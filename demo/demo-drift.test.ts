import { describe, expect, it } from "vitest";
import { readDemoConfig } from "./config";
import { applyDemoLearning, decideDemoLearning, DEFAULT_DRIFT_LEARNING, driftDelayMs } from "./demo-drift";

describe("decideDemoLearning", () => {
  it("shortens learning only for a fresh workspace: default settings and no trace yet", () => {
    expect(decideDemoLearning({ ...DEFAULT_DRIFT_LEARNING, trace_idle_ms: 2_500 }, 0)).toEqual({ apply: true });
  });

  it("keeps settings someone chose, and the short window of an earlier demo run", () => {
    expect(decideDemoLearning({ drift_learning_ms: 3_600_000, drift_learning_traces: 100 }, 0)).toMatchObject({ apply: false, reason: expect.stringContaining("its own") });
    expect(decideDemoLearning({ drift_learning_ms: 120_000, drift_learning_traces: 20 }, 5_000)).toMatchObject({ apply: false });
  });

  it("keeps the defaults of a workspace that already holds traffic", () => {
    expect(decideDemoLearning(DEFAULT_DRIFT_LEARNING, 12)).toEqual({ apply: false, reason: "the workspace already holds 12 traces" });
  });

  it("changes nothing when the answers are not Flowprint's", () => {
    expect(decideDemoLearning({}, 0)).toMatchObject({ apply: false });
    expect(decideDemoLearning(DEFAULT_DRIFT_LEARNING, undefined)).toMatchObject({ apply: false });
  });
});

describe("applyDemoLearning", () => {
  const config = { flowprintUrl: "http://fp", workspace: "shop", driftLearningMs: 120_000, driftLearningTraces: 20 };

  function fakeFlowprint(settings: unknown, total: number) {
    const calls: { method: string; url: string; body?: unknown }[] = [];
    const fetchImpl = async (url: string, init?: RequestInit) => {
      calls.push({ method: init?.method ?? "GET", url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      const body = url.endsWith("/settings/telemetry") ? settings : { traces: [], total };
      return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    };
    return { calls, fetchImpl };
  }

  it("puts the short window on a fresh workspace", async () => {
    const flowprint = fakeFlowprint(DEFAULT_DRIFT_LEARNING, 0);
    expect(await applyDemoLearning(config, flowprint.fetchImpl)).toMatch(/first 120 s and 20 traces/);
    expect(flowprint.calls.at(-1)).toEqual({ method: "PUT", url: "http://fp/api/v1/workspaces/shop/settings/telemetry", body: { drift_learning_ms: 120_000, drift_learning_traces: 20 } });
  });

  it("sends no PUT to a workspace with its own settings", async () => {
    const flowprint = fakeFlowprint({ drift_learning_ms: 86_400_000, drift_learning_traces: 500 }, 0);
    expect(await applyDemoLearning(config, flowprint.fetchImpl)).toMatch(/left as they are: the workspace has its own/);
    expect(flowprint.calls.map((c) => c.method)).not.toContain("PUT");
  });

  it("reports an unreachable Flowprint instead of failing the demo", async () => {
    const failing = async () => {
      throw new Error("connect ECONNREFUSED");
    };
    expect(await applyDemoLearning(config, failing)).toBe("drift learning settings left as they are: connect ECONNREFUSED");
  });
});

const config = (env: Record<string, string>) => readDemoConfig(env as NodeJS.ProcessEnv);

describe("the path change's timing", () => {
  it("comes DEMO_DRIFT_AFTER_S after traffic starts, 150 s by default", () => {
    expect(driftDelayMs(config({}))).toBe(150_000);
    expect(driftDelayMs(config({ DEMO_DRIFT_AFTER_S: "20", DEMO_DRIFT_LEARNING_S: "5" }))).toBe(20_000);
  });

  it("is off with 0, or when the demo or its traffic stops first", () => {
    expect(driftDelayMs(config({ DEMO_DRIFT_AFTER_S: "0" }))).toBeNull();
    expect(driftDelayMs(config({ DEMO_TRAFFIC_S: "0" }))).toBeNull();
    expect(driftDelayMs(config({ DEMO_DURATION_S: "12" }))).toBeNull();
  });

  it("refuses a change inside the learning window, where it would be learned as normal", () => {
    expect(() => config({ DEMO_DRIFT_AFTER_S: "60", DEMO_DRIFT_LEARNING_S: "120" })).toThrow(/must be later than DEMO_DRIFT_LEARNING_S/);
    expect(() => config({ DEMO_DRIFT_AFTER_S: "-1" })).toThrow(/DEMO_DRIFT_AFTER_S/);
  });
});
