// The LLM call index on both stores: calls are indexed when their trace completes, read back
// with their text from the spans (events included), filtered by model, time and flow, and a
// trace that completes again replaces its calls instead of adding them twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpanKind, type Span } from "../otlp/span";
import { makeSpan } from "../otlp/testing/make-span";
import { appendSpans } from "../store/append-spans";
import { listLlmCalls, listLlmModels, llmCallsForUsage, selectLlmCallsWithText } from "../store/llm-queries";
import { reindexLlmCalls } from "../store/reindex-llm-calls";
import { POSTGRES_SKIPPED, TEST_STORES, type OpenedStore } from "../store/testing/test-stores";
import { completeTraceNow } from "./complete-traces";

const WS = "llm";
const T0 = 1_767_000_000_000;
const trace = (n: number) => n.toString(16).padStart(32, "0");
const span = (n: number) => n.toString(16).padStart(16, "0");

/** A server span with one chat call under it, its prompt and completion recorded as span events. */
function chatTrace(n: number, model: string, question: string, startMs: number): Span[] {
  const ns = (ms: number) => BigInt(ms) * 1_000_000n;
  const root = makeSpan({ workspaceId: WS, traceId: trace(n), spanId: span(n * 10), service: "agent", name: "POST /ask", kind: SpanKind.SERVER, startNs: ns(startMs), endNs: ns(startMs + 300), attributes: { "http.request.method": "POST", "http.route": "/ask" } });
  const chat = makeSpan({
    workspaceId: WS,
    traceId: trace(n),
    spanId: span(n * 10 + 1),
    parentSpanId: root.spanId,
    service: "agent",
    name: `chat ${model}`,
    kind: SpanKind.CLIENT,
    startNs: ns(startMs + 10),
    endNs: ns(startMs + 250),
    attributes: { "gen_ai.operation.name": "chat", "gen_ai.system": "openai", "gen_ai.request.model": model, "gen_ai.usage.prompt_tokens": 50, "gen_ai.usage.completion_tokens": 7 },
    events: [
      { timeNs: ns(startMs + 11), name: "gen_ai.content.prompt", attributes: { "gen_ai.prompt": question }, droppedAttributesCount: 0 },
      { timeNs: ns(startMs + 249), name: "gen_ai.content.completion", attributes: { "gen_ai.completion": "Friday." }, droppedAttributesCount: 0 },
    ],
  });
  return [root, chat];
}

for (const kind of TEST_STORES) {
  describe(`LLM call index on ${kind.name}`, () => {
    let opened: OpenedStore | null = null;
    beforeAll(async () => {
      opened = await kind.open();
    });
    afterAll(async () => {
      await opened?.drop();
    });

    it("indexes calls at completion and reads their text back from the spans", async (ctx) => {
      if (!opened) return ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened;
      const [root2, chat2] = chatTrace(2, "gpt-4o", "When does A-2 ship?", T0 + 60_000);
      const failed = { ...chat2, status: "error" as const, attributes: { ...chat2.attributes, "error.type": "RateLimitError" } };
      await appendSpans(store, [...chatTrace(1, "gpt-4o-mini", "When does A-1 ship?", T0), root2, failed]);
      const first = await completeTraceNow(store, { workspaceId: WS, traceId: trace(1) }, "test");
      await completeTraceNow(store, { workspaceId: WS, traceId: trace(2) }, "test");

      const { calls, total } = await listLlmCalls(store, WS, {});
      expect(total).toBe(2);
      expect(calls.map((c) => [c.model, c.provider, c.inputTokens, c.outputTokens, c.durationMs, c.convention])).toEqual([
        ["gpt-4o", "openai", 50, 7, 240, "otel_genai_events"],
        ["gpt-4o-mini", "openai", 50, 7, 240, "otel_genai_events"],
      ]);
      expect(calls.map((c) => [c.isError, c.errorType])).toEqual([
        [true, "RateLimitError"],
        [false, ""],
      ]);
      expect(await listLlmModels(store, WS)).toEqual([
        { model: "gpt-4o", calls: 1 },
        { model: "gpt-4o-mini", calls: 1 },
      ]);
      expect((await listLlmCalls(store, WS, { model: "gpt-4o-mini" })).total).toBe(1);
      expect((await listLlmCalls(store, WS, { fromMs: T0 + 30_000 })).calls.map((c) => c.model)).toEqual(["gpt-4o"]);
      expect((await listLlmCalls(store, WS, { flowId: first.flowId! })).total).toBe(2);

      const forUsage = await llmCallsForUsage(store, WS, { fromMs: T0, toMs: T0 + 120_000 });
      expect(forUsage.map((c) => [c.model, c.startMs, c.durationMs, c.isError, c.inputTokens, c.outputTokens]).sort()).toEqual([
        ["gpt-4o", T0 + 60_010, 240, true, 50, 7],
        ["gpt-4o-mini", T0 + 10, 240, false, 50, 7],
      ]);
      expect((await llmCallsForUsage(store, WS, { fromMs: T0, toMs: T0 + 60_010, model: "gpt-4o-mini", flowId: first.flowId! })).map((c) => c.spanId)).toEqual([span(11)]);
      expect(await llmCallsForUsage(store, WS, { fromMs: T0, toMs: T0 + 60_010, model: "gpt-4o" })).toEqual([]);

      const withText = await selectLlmCallsWithText(store, WS, { model: "gpt-4o-mini" });
      expect(withText).toHaveLength(1);
      expect(withText[0].input).toEqual([{ role: "user", content: "When does A-1 ship?" }]);
      expect(withText[0].output).toEqual([{ role: "assistant", content: "Friday." }]);
    });

    it("indexes an agent's trace of 3,000 calls in one round", async (ctx) => {
      if (!opened) return ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened;
      const [root, chat] = chatTrace(7, "gpt-4o-mini", "Step?", T0);
      const calls = Array.from({ length: 3_000 }, (_, i) => ({ ...chat, spanId: (0x7000 + i).toString(16).padStart(16, "0") }));
      await appendSpans(store, [root, ...calls]);
      await completeTraceNow(store, { workspaceId: WS, traceId: trace(7) }, "test");
      expect(await store.prisma.llmCall.count({ where: { workspaceId: WS, traceId: trace(7) } })).toBe(3_000);
    });

    it("replaces a trace's calls when late spans complete it again", async (ctx) => {
      if (!opened) return ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened;
      const late = chatTrace(1, "gpt-4o-mini", "And A-3?", T0 + 1_000)[1];
      await appendSpans(store, [{ ...late, spanId: span(99), parentSpanId: span(10) }]);
      await completeTraceNow(store, { workspaceId: WS, traceId: trace(1) }, "test");
      const { calls } = await listLlmCalls(store, WS, { model: "gpt-4o-mini" });
      expect(calls.filter((c) => c.traceId === trace(1)).map((c) => c.spanId).sort()).toEqual([span(11), span(99)]);
    });

    it("rebuilds the index from stored spans, the same calls as completion wrote", async (ctx) => {
      if (!opened) return ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened;
      const before = (await listLlmCalls(store, WS, {})).calls.map((c) => [c.traceId, c.spanId, c.model, c.isError]).sort();
      await store.prisma.llmCall.deleteMany({ where: { workspaceId: WS } });
      const pages: number[] = [];
      const progress = await reindexLlmCalls(store, WS, { pageSize: 2, onPage: (p) => pages.push(p.traces) });
      expect(progress).toEqual({ traces: 3, calls: before.length });
      expect(pages).toEqual([2, 3]);
      expect((await listLlmCalls(store, WS, {})).calls.map((c) => [c.traceId, c.spanId, c.model, c.isError]).sort()).toEqual(before);
    });
  });
}
