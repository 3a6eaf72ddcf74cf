// LLM usage benchmark: what the LLM page's usage request costs (reading a day of calls from the
// llm_calls index and summarising them by model and time) at 1,000, 10,000 and 100,000 calls,
// on SQLite. The per-call cost at 100,000 against 1,000 says whether it stays linear.
//
//   npx tsx bench/llm-usage-bench.ts
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { summarizeLlmUsage } from "../lib/genai/llm-usage";
import { usageBucketMs } from "../lib/genai/usage-bucket";
import { openStore } from "../lib/store/db";
import { llmCallsForUsage } from "../lib/store/llm-queries";
import { applyMigrations } from "../lib/store/migrate";

const SIZES = [1_000, 10_000, 100_000];
const RUNS = 7;
const DAY_MS = 86_400_000;
const MODELS = ["gpt-4o-mini", "gpt-4o", "claude-3-5-haiku-20241022", "gemini-2.0-flash"];

const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "flowprint-llm-bench-")), "bench.db")}`;
await applyMigrations(url);
const store = openStore(url);
const nowMs = Date.now();

async function seed(workspaceId: string, calls: number): Promise<void> {
  for (let start = 0; start < calls; start += 5_000) {
    const rows = Array.from({ length: Math.min(5_000, calls - start) }, (_, j) => {
      const i = start + j;
      return {
        workspaceId,
        traceId: i.toString(16).padStart(32, "0"),
        spanId: (i + 1).toString(16).padStart(16, "0"),
        service: `svc-${i % 7}`,
        name: `chat ${MODELS[i % MODELS.length]}`,
        operation: "chat",
        model: MODELS[i % MODELS.length],
        provider: "openai",
        startMs: BigInt(nowMs - Math.floor(((i * 7919) % calls) * (DAY_MS / calls))),
        durationMs: 200 + ((i * 31) % 900),
        isError: i % 37 === 0,
        errorType: i % 37 === 0 ? "RateLimitError" : "",
        inputTokens: 500 + (i % 1500),
        outputTokens: 50 + (i % 400),
        convention: "otel_genai_messages",
      };
    });
    await store.prisma.llmCall.createMany({ data: rows });
  }
}

async function usage(workspaceId: string): Promise<number> {
  const started = performance.now();
  const fromMs = nowMs - DAY_MS;
  const calls = await llmCallsForUsage(store, workspaceId, { fromMs, toMs: nowMs + 1 });
  summarizeLlmUsage(calls, { bucketMs: usageBucketMs(DAY_MS), nowMs: nowMs + 1, sinceMs: fromMs, thresholds: { error_rate: 0.05 } });
  return performance.now() - started;
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

console.log(`Flowprint LLM usage benchmark (SQLite): a day of calls over ${MODELS.length} models, ${RUNS} runs each`);
const perCall: number[] = [];
for (const size of SIZES) {
  const workspaceId = `ws-${size}`;
  await seed(workspaceId, size);
  await usage(workspaceId); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await usage(workspaceId));
  const median = quantile(times, 0.5);
  perCall.push(median / size);
  console.log(`${size.toLocaleString("en")} calls: median ${median.toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms (${((median / size) * 1000).toFixed(2)} µs per call)`);
}
console.log(`per-call cost at ${SIZES.at(-1)!.toLocaleString("en")} calls against ${SIZES[0].toLocaleString("en")}: ratio ${(perCall.at(-1)! / perCall[0]).toFixed(2)}`);
await store.close();
