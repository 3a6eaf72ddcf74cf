import { describe, expect, it } from "vitest";
import type { Span } from "../otlp/span";
import { IngestOverloadedError, SpanWriter } from "./span-writer";

const spans = (n: number, tag = "x") => Array.from({ length: n }, (_, i) => ({ name: `${tag}${i}` }) as unknown as Span);

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

describe("SpanWriter", () => {
  it("commits requests that wait together in one call, acknowledging each after it", async () => {
    const calls: number[] = [];
    const gate = deferred();
    const writer = new SpanWriter(
      async (batch) => {
        calls.push(batch.length);
        if (calls.length === 1) await gate.promise;
      },
      { maxQueuedSpans: 1000, maxBatchSpans: 1000, concurrency: 1 },
    );
    const first = writer.write(spans(10));
    const second = writer.write(spans(20));
    const third = writer.write(spans(30));
    expect(writer.backlog).toBe(60);
    gate.release();
    await Promise.all([first, second, third]);
    expect(calls).toEqual([10, 50]);
    expect(writer.backlog).toBe(0);
  });

  it("holds: waits for the batches already handed over, hands over none until released", async () => {
    const calls: number[] = [];
    const gate = deferred();
    const writer = new SpanWriter(
      async (batch) => {
        calls.push(batch.length);
        if (calls.length === 1) await gate.promise;
      },
      { maxQueuedSpans: 1000, maxBatchSpans: 1000, concurrency: 1 },
    );
    const first = writer.write(spans(10));
    let held = false;
    const holding = writer.hold().then((release) => {
      held = true;
      return release;
    });
    await Promise.resolve();
    expect(held).toBe(false);
    gate.release();
    const release = await holding;
    await first;
    const second = writer.write(spans(20));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([10]);
    release();
    release();
    await second;
    expect(calls).toEqual([10, 20]);
  });

  it("refuses new spans beyond the queue limit with a retryable error", async () => {
    const gate = deferred();
    const writer = new SpanWriter(() => gate.promise, { maxQueuedSpans: 15, maxBatchSpans: 100, concurrency: 1 });
    const first = writer.write(spans(10));
    await expect(writer.write(spans(10))).rejects.toBeInstanceOf(IngestOverloadedError);
    expect(writer.isOverloaded(10)).toBe(true);
    gate.release();
    await first;
    expect(writer.isOverloaded(10)).toBe(false);
  });

  it("does not fail the other requests of a shared transaction when one request's spans fail", async () => {
    const gate = deferred();
    let calls = 0;
    const writer = new SpanWriter(
      async (batch) => {
        calls++;
        if (calls === 1) return gate.promise;
        if (batch.some((s) => s.name.startsWith("bad"))) throw new Error("constraint");
      },
      { maxQueuedSpans: 1000, maxBatchSpans: 1000, concurrency: 1 },
    );
    const head = writer.write(spans(1, "head"));
    const good = writer.write(spans(2, "good"));
    const bad = writer.write(spans(2, "bad"));
    gate.release();
    await head;
    await expect(good).resolves.toBeUndefined();
    await expect(bad).rejects.toThrow("constraint");
    expect(writer.backlog).toBe(0);
  });
});
