// Every environment variable the server reads, parsed once, with a message naming the bad one.

export interface ServerConfig {
  /** Largest OTLP body accepted, compressed or decompressed (FLOWPRINT_MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Spans waiting for the database beyond which ingestion answers 503 (FLOWPRINT_MAX_QUEUED_SPANS). */
  maxQueuedSpans: number;
  /** OTLP requests being received at once beyond which ingestion answers 503 (FLOWPRINT_MAX_INFLIGHT_REQUESTS). */
  maxInflightRequests: number;
  /** Spans per group-commit transaction (FLOWPRINT_BATCH_SPANS). */
  batchSpans: number;
  /** Raw FLOWPRINT_INGEST_KEYS. */
  ingestKeys: string | undefined;
}

function positiveInt(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}".`);
  }
  return value;
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    maxBodyBytes: positiveInt("FLOWPRINT_MAX_BODY_BYTES", 64 * 1024 * 1024, env),
    maxQueuedSpans: positiveInt("FLOWPRINT_MAX_QUEUED_SPANS", 100_000, env),
    maxInflightRequests: positiveInt("FLOWPRINT_MAX_INFLIGHT_REQUESTS", 64, env),
    batchSpans: positiveInt("FLOWPRINT_BATCH_SPANS", 4096, env),
    ingestKeys: env.FLOWPRINT_INGEST_KEYS,
  };
}
