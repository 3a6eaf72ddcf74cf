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
  /** Drafting tests with a model (FLOWPRINT_LLM_*); null when FLOWPRINT_LLM_BASE_URL is unset. */
  llmDraft: LlmDraftConfig | null;
}

export interface LlmDraftConfig {
  /** OpenAI-compatible base URL, e.g. `http://localhost:11434/v1` (FLOWPRINT_LLM_BASE_URL). */
  baseUrl: string;
  /** Bearer key (FLOWPRINT_LLM_API_KEY); null for endpoints without authentication. */
  apiKey: string | null;
  /** FLOWPRINT_LLM_MODEL. */
  model: string;
  /** Per model call (FLOWPRINT_LLM_TIMEOUT_MS). */
  timeoutMs: number;
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

function llmDraftConfig(env: NodeJS.ProcessEnv): LlmDraftConfig | null {
  const baseUrl = env.FLOWPRINT_LLM_BASE_URL?.trim();
  if (!baseUrl) return null;
  let url: URL | null = null;
  try {
    url = new URL(baseUrl);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new Error(`FLOWPRINT_LLM_BASE_URL must be an http(s) URL such as http://localhost:11434/v1, got "${baseUrl}".`);
  }
  return {
    baseUrl,
    apiKey: env.FLOWPRINT_LLM_API_KEY?.trim() || null,
    model: env.FLOWPRINT_LLM_MODEL?.trim() || "gpt-4o-mini",
    timeoutMs: positiveInt("FLOWPRINT_LLM_TIMEOUT_MS", 60_000, env),
  };
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    maxBodyBytes: positiveInt("FLOWPRINT_MAX_BODY_BYTES", 64 * 1024 * 1024, env),
    maxQueuedSpans: positiveInt("FLOWPRINT_MAX_QUEUED_SPANS", 100_000, env),
    maxInflightRequests: positiveInt("FLOWPRINT_MAX_INFLIGHT_REQUESTS", 64, env),
    batchSpans: positiveInt("FLOWPRINT_BATCH_SPANS", 4096, env),
    ingestKeys: env.FLOWPRINT_INGEST_KEYS,
    llmDraft: llmDraftConfig(env),
  };
}
