// kill -9 under load: every acknowledged span is stored, and the traces the dead process had
// claimed for discovery are discovered after a restart (SQLite) or by the instance that lives on
// (PostgreSQL) within the claim lease, not after the five minutes claims used to be held for.
// The spans come from the official OpenTelemetry SDK, serialized by its OTLP protobuf serializer.
import { afterAll, describe, expect, it } from "vitest";
import { startApp, tempPostgresUrl, tempSqliteUrl, type AppServer } from "../support/app-server";
import { loadThenKill, postgresProbe, RECOVERY_DEADLINE_MS, requests, SPANS_PER_TRACE, sqliteProbe, waitForDiscovery, WORKSPACE, type Probe } from "../support/crash-under-load";

async function shortIdleWindow(app: AppServer): Promise<void> {
  // Traces complete 200 ms after their last span, so rounds run while the load goes on.
  const response = await fetch(`${app.baseUrl}/api/v1/workspaces/${WORKSPACE}/settings/telemetry`, { method: "PUT", body: JSON.stringify({ trace_idle_ms: 200 }) });
  expect(response.status).toBe(200);
}

describe("kill -9 under load", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it("on SQLite: a restart keeps every acknowledged span and discovers the dead process's claimed traces", async () => {
    const url = tempSqliteUrl();
    const load = requests(400);
    let app = await startApp({ databaseUrl: url });
    cleanups.push(() => app.stop());
    await shortIdleWindow(app);
    const probe = sqliteProbe(url);
    cleanups.push(() => probe.close());
    const acked: string[] = [];
    let from = 0;
    let claimed = 0;
    // A kill can land between two rounds, when nothing is claimed: crash again until one does not.
    for (let attempt = 0; attempt < 5 && claimed === 0; attempt++) {
      const run = await loadThenKill(app, probe, load, from);
      expect(run, "ran out of requests before any trace was claimed").not.toBeNull();
      acked.push(...run!.acked);
      from = run!.next;
      claimed = run!.claimed;
      app = await startApp({ databaseUrl: url });
    }
    expect(claimed, "traces claimed by the killed process").toBeGreaterThan(0);
    expect(acked.length).toBeGreaterThan(0);

    const result = await waitForDiscovery(probe, acked);
    expect(result.spans).toBe(acked.length * SPANS_PER_TRACE);
    expect(result.discovered, `discovered ${result.discovered} of ${acked.length} traces within ${RECOVERY_DEADLINE_MS / 1000} s`).toBe(acked.length);
  }, 600_000);

  it("on PostgreSQL with two instances: the survivor discovers the dead instance's claimed traces", async (ctx) => {
    const database = await tempPostgresUrl();
    if (!database) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    cleanups.push(() => database!.drop());
    const survivor = await startApp({ databaseUrl: database!.url });
    cleanups.push(() => survivor.stop());
    await shortIdleWindow(survivor);
    const probe = postgresProbe(database!.url);
    cleanups.push(() => probe.close());
    const load = requests(400);
    const acked: string[] = [];
    let from = 0;
    let claimed = 0;
    // The doomed instance receives every span; both complete traces. It is killed while it holds
    // claims of its own (tried again with a new one when its claims were done in the last moment).
    for (let attempt = 0; attempt < 5 && claimed === 0; attempt++) {
      const doomed = await startApp({ databaseUrl: database!.url });
      cleanups.push(() => doomed.stop());
      const doomedId = ((await (await fetch(`${doomed.baseUrl}/api/health`)).json()) as { instance: string }).instance;
      const claimedByDoomed: Probe = { ...probe, claimedTraces: () => probe.claimedTraces(doomedId) };
      const run = await loadThenKill(doomed, claimedByDoomed, load, from);
      expect(run, "ran out of requests before the instance claimed a trace").not.toBeNull();
      acked.push(...run!.acked);
      from = run!.next;
      claimed = run!.claimed;
    }
    expect(claimed, "traces claimed by the killed instance").toBeGreaterThan(0);
    const result = await waitForDiscovery(probe, acked);
    expect(result.spans).toBe(acked.length * SPANS_PER_TRACE);
    expect(result.discovered, `discovered ${result.discovered} of ${acked.length} traces within ${RECOVERY_DEADLINE_MS / 1000} s`).toBe(acked.length);
  }, 600_000);
});
