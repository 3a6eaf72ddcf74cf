// The process-wide pieces the route handlers share: store, span writer, keyring, config.
// Kept on globalThis so Next.js dev-mode reloads do not open a second database or writer.
import { randomUUID } from "node:crypto";
import { readServerConfig, type ServerConfig } from "../config/server-config";
import { errorFields, logger } from "../http/logger";
import type { Span } from "../otlp/span";
import { appendSpans } from "../store/append-spans";
import { sqliteFilePath } from "../store/database-url";
import { applyRetention } from "./apply-retention";
import { deleteAuditEventsBefore } from "../store/account-repository";
import { sqlDialect } from "../store/sql-dialect";
import { buildSpanBatch } from "../store/span-batch";
import { SqliteWriterThread } from "../store/sqlite-writer/sqlite-writer-thread";
import { getStore, type Store } from "../store/db";
import { startCompletionLoop, type Exclusive } from "./complete-traces";
import { startCompletionThread } from "./completion-thread/completion-thread";
import { startWebhookWorker, type DeliveryOptions } from "./deliver-webhooks";
import { IngestAdmission } from "./ingest-admission";
import { IngestGate } from "./ingest-gate";
import { DatabaseKeyring } from "./ingest-keyring";
import { metrics } from "./metrics";
import { SpanWriter } from "./span-writer";
import { startCoverageWatch } from "./watch-coverage";
import { startLlmThresholdWatch } from "./watch-llm-thresholds";
import { DEFAULT_RETRY_POLICY } from "../webhooks/plan-next-attempt";

export interface Runtime {
  config: ServerConfig;
  store: Store;
  writer: SpanWriter;
  keyring: DatabaseKeyring;
  admission: IngestAdmission;
  ingestGate: IngestGate;
  /** Names this process's claims on traces being completed. */
  instanceId: string;
}

const slot = globalThis as typeof globalThis & { __flowprintRuntime?: Runtime };

export function getRuntime(): Runtime {
  if (!slot.__flowprintRuntime) {
    const config = readServerConfig();
    const store = getStore();
    const dialect = sqlDialect(store.dialect);
    const thread = store.dialect === "sqlite" ? SqliteWriterThread.start(sqliteFilePath(store.url)) : null;
    if (store.dialect === "sqlite" && !thread) {
      logger.warn("the SQLite writer thread is not built (npm run build): spans are written on the server thread");
    }
    const write = (spans: Span[]) => (thread?.healthy ? thread.write(buildSpanBatch(dialect, spans, Date.now())) : appendSpans(store, spans));
    const append = async (spans: Span[]) => {
      const stop = metrics().spanBatchWrite.startTimer();
      try {
        return await write(spans);
      } finally {
        stop();
      }
    };
    slot.__flowprintRuntime = {
      config,
      store,
      writer: new SpanWriter(append, {
        maxQueuedSpans: config.maxQueuedSpans,
        maxBatchSpans: config.batchSpans,
        // The writer thread groups what it is sent; without it SQLite takes one transaction at a
        // time; PostgreSQL commits several batches at once on its pool.
        concurrency: thread ? 8 : store.dialect === "sqlite" ? 1 : 4,
      }),
      keyring: new DatabaseKeyring(store, config.ingestKeys, config.auth.enabled),
      admission: new IngestAdmission(config.maxInflightRequests),
      ingestGate: new IngestGate(store),
      instanceId: randomUUID(),
    };
  }
  return slot.__flowprintRuntime;
}

/** Starts trace completion, webhook delivery and the LLM threshold and coverage watches in this server process, once. */
export function startBackgroundWork(): void {
  const runtime = getRuntime();
  const started = slot as typeof slot & { __flowprintBackground?: boolean };
  if (started.__flowprintBackground) return;
  started.__flowprintBackground = true;
  const completion = {
    instanceId: runtime.instanceId,
    // Claims are leases renewed every 5 s: a dead instance's traces are taken over 15 s later.
    staleClaimMs: 15_000,
    heartbeatMs: 5_000,
    releaseClaimsAtStart: runtime.store.dialect === "sqlite",
    // Large rounds: a round's fixed cost (flows, entry points, the service graph row) is shared
    // by more traces (npm run bench: 16,400 against 14,500 spans/s at 4 senders with 200).
    // A backlog doubles them up to 2,000: rounds of 4,000 held the span writer for up to 0.7 s.
    batch: 1000,
    maxBatch: 2000,
  };
  const holdWriter = runtime.store.dialect === "sqlite";
  // This thread's own writes on SQLite: with the span writer held, as the completion thread's.
  const exclusive: Exclusive | undefined = holdWriter
    ? async (work) => {
        const release = await runtime.writer.hold();
        try {
          return await work();
        } finally {
          release();
        }
      }
    : undefined;
  const onRound = (traces: number, durationMs: number) => {
    metrics().discoveryRound.observe(traces);
    metrics().discoveryRoundSeconds.observe(durationMs / 1000);
  };
  const onThread = startCompletionThread({ databaseUrl: runtime.store.url, options: completion, holdWriter }, () => runtime.writer.hold(), onRound);
  if (!onThread) {
    logger.warn("the trace completion thread is not built (npm run build): traces are completed on the server thread");
    startCompletionLoop(runtime.store, { ...completion, exclusive, onRound });
  }
  const retention = () => {
    void applyRetention(runtime.store, { exclusive }).catch((error) => logger.error(errorFields(error), "retention failed"));
    void deleteAuditEventsBefore(runtime.store, Date.now() - runtime.config.auth.auditRetentionDays * 86_400_000).catch((error) => logger.error(errorFields(error), "audit log retention failed"));
  };
  setTimeout(retention, 60_000).unref();
  setInterval(retention, 60 * 60_000).unref();
  startWebhookWorker(runtime.store, webhookDeliveryOptions(runtime.config));
  startLlmThresholdWatch(runtime.store, { now: Date.now });
  startCoverageWatch(runtime.store, { now: Date.now });
}

/** How this server delivers webhooks: the configured retries and timeout, the real clock. */
export function webhookDeliveryOptions(config: ServerConfig): DeliveryOptions & { publicUrl: string } {
  const { webhooks } = config;
  return {
    now: Date.now,
    policy: { ...DEFAULT_RETRY_POLICY, baseMs: webhooks.retryBaseMs, maxAttempts: webhooks.maxAttempts },
    timeoutMs: webhooks.timeoutMs,
    publicUrl: webhooks.publicUrl,
  };
}
