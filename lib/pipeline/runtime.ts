// The process-wide pieces the route handlers share: store, span writer, keyring, config.
// Kept on globalThis so Next.js dev-mode reloads do not open a second database or writer.
import { readServerConfig, type ServerConfig } from "../config/server-config";
import { appendSpans } from "../store/append-spans";
import { getStore, type Store } from "../store/db";
import { IngestAdmission } from "./ingest-admission";
import { DatabaseKeyring } from "./ingest-keyring";
import { SpanWriter } from "./span-writer";

export interface Runtime {
  config: ServerConfig;
  store: Store;
  writer: SpanWriter;
  keyring: DatabaseKeyring;
  admission: IngestAdmission;
}

const slot = globalThis as typeof globalThis & { __flowprintRuntime?: Runtime };

export function getRuntime(): Runtime {
  if (!slot.__flowprintRuntime) {
    const config = readServerConfig();
    const store = getStore();
    slot.__flowprintRuntime = {
      config,
      store,
      writer: new SpanWriter((spans) => appendSpans(store, spans), {
        maxQueuedSpans: config.maxQueuedSpans,
        maxBatchSpans: config.batchSpans,
        // SQLite has one writer; PostgreSQL commits several batches at once.
        concurrency: store.dialect === "sqlite" ? 1 : 4,
      }),
      keyring: new DatabaseKeyring(store, config.ingestKeys),
      admission: new IngestAdmission(config.maxInflightRequests),
    };
  }
  return slot.__flowprintRuntime;
}
