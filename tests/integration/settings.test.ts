// Workspace telemetry settings through the API, and what they change for a user.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { recordCheckoutTrace, sdkClient } from "../support/otel-sdk";

describe("workspace telemetry settings", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });
  const settings = (workspace: string, body?: unknown) =>
    fetch(`${app.baseUrl}/api/v1/workspaces/${workspace}/settings/telemetry`, body === undefined ? {} : { method: "PUT", body: JSON.stringify(body) });

  it("has defaults, takes partial updates and keeps them", async () => {
    expect(await (await settings("s1")).json()).toEqual({
      enabled: true,
      retention_days: 30,
      default_timeout_ms: 30000,
      auto_discovery: true,
      auto_validation: true,
      trace_idle_ms: 10000,
      drift_learning_ms: 86_400_000,
      drift_learning_traces: 100,
      drift_confirm_ms: 60_000,
      drift_missing_ms: 3_600_000,
      drift_rare_ratio: 0.0001,
      llm_content: "keep",
      llm_prices: {},
      llm_alert_error_rate: null,
      llm_alert_latency_p95_ms: null,
      llm_alert_cost_per_hour_usd: null,
      coverage_window_days: 7,
      diagnosis_sample_size: 100,
      // A workspace made after the upgrade to accounts takes no keyless spans once accounts are on.
      keyless_ingest: false,
    });
    const updated = await settings("s1", { retention_days: 7, auto_validation: false });
    expect(updated.status).toBe(200);
    expect(await (await settings("s1")).json()).toMatchObject({ retention_days: 7, auto_validation: false, trace_idle_ms: 10000 });
  });

  it.each([
    [{ retention_days: 0 }, "retention_days"],
    [{ trace_idle_ms: "fast" }, "trace_idle_ms"],
    [{ enabled: "yes" }, "enabled"],
    [{ retention_dayz: 3 }, "retention_dayz"],
    [{ drift_rare_ratio: 2 }, "drift_rare_ratio"],
    [{ drift_learning_traces: -1 }, "drift_learning_traces"],
    [{ llm_content: "hide" }, "llm_content"],
    [{ llm_alert_error_rate: 1.5 }, "llm_alert_error_rate"],
    [{ coverage_window_days: 0 }, "coverage_window_days"],
    [{ coverage_window_days: 366 }, "coverage_window_days"],
    [{ coverage_window_days: 7.5 }, "coverage_window_days"],
    [{ diagnosis_sample_size: 9 }, "diagnosis_sample_size"],
    [{ diagnosis_sample_size: 1001 }, "diagnosis_sample_size"],
    [{ llm_prices: { "gpt-4o": { input_per_million: 1 } } }, "llm_prices.gpt-4o.output_per_million"],
  ])("refuses %j with a 400 naming the field", async (body, field) => {
    const response = await settings("s1", body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(`${error.message} ${JSON.stringify(error.issues)}`).toContain(field);
  });

  it("refuses ingestion for a disabled workspace with a clear OTLP error, and discovers nothing when discovery is off", async () => {
    expect((await settings("off", { enabled: false })).status).toBe(200);
    const refused = await fetch(`${app.baseUrl}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-workspace-id": "off" },
      body: JSON.stringify({ resourceSpans: [] }),
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/disabled for workspace "off"/);

    expect((await settings("quiet", { auto_discovery: false })).status).toBe(200);
    const client = sdkClient({ baseUrl: app.baseUrl, format: "json", service: "quiet-svc", headers: { "X-Workspace-ID": "quiet" } });
    const { traceId } = recordCheckoutTrace(client.tracer);
    await client.flush();
    await client.shutdown();
    const completed = await fetch(`${app.baseUrl}/api/v1/workspaces/quiet/telemetry/traces/${traceId}/complete`, { method: "POST" });
    expect(await completed.json()).toEqual({ trace_id: traceId, flow_id: null });
    const spans = await fetch(`${app.baseUrl}/api/v1/workspaces/quiet/telemetry/spans?trace_id=${traceId}`).then((r) => r.json());
    expect(spans.total).toBe(3);
  });
});
