// Group commit: spans of concurrent requests share one transaction; each request is
// acknowledged only after the transaction holding its spans has committed.
import type { Span } from "../otlp/span";

export class IngestOverloadedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Flowprint is ingesting more spans than it can store; retry later.");
  }
}

export interface SpanWriterOptions {
  /** Spans waiting for a transaction beyond which new requests are refused (503). */
  maxQueuedSpans: number;
  /** Spans one transaction takes at most. */
  maxBatchSpans: number;
  /** Transactions in flight at once: 1 for SQLite (one writer), more for PostgreSQL. */
  concurrency: number;
}

type Append = (spans: Span[]) => Promise<unknown>;

interface Pending {
  spans: Span[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class SpanWriter {
  private queue: Pending[] = [];
  private queuedSpans = 0;
  private active = 0;
  private readonly unsettled = new Set<Promise<void>>();

  constructor(
    private readonly append: Append,
    private readonly options: SpanWriterOptions,
  ) {}

  /** Spans accepted but not yet committed. */
  get backlog(): number {
    return this.queuedSpans;
  }

  /** True when a request of `spanCount` spans would be refused. */
  isOverloaded(spanCount = 0): boolean {
    return this.queuedSpans > 0 && this.queuedSpans + spanCount > this.options.maxQueuedSpans;
  }

  /** Resolves once `spans` are committed. */
  write(spans: Span[]): Promise<void> {
    if (spans.length === 0) return Promise.resolve();
    if (this.isOverloaded(spans.length)) return Promise.reject(new IngestOverloadedError(1));
    const written = new Promise<void>((resolve, reject) => {
      this.queue.push({ spans, resolve, reject });
      this.queuedSpans += spans.length;
      this.pump();
    });
    const settled = written.then(
      () => undefined,
      () => undefined,
    );
    this.unsettled.add(settled);
    void settled.then(() => this.unsettled.delete(settled));
    return written;
  }

  /**
   * Resolves once every write accepted before the call has committed or failed (later ones are
   * not waited for, so it resolves under steady load too). Trace completion waits for it before
   * each round on SQLite: its transactions and the writer's compete for the one write lock, and
   * SQLite's busy handler polls with growing sleeps, so back-to-back rounds starved ingestion
   * (npm run bench: requests waited 33 s while a 30,000-trace backlog was completed).
   */
  drained(): Promise<void> {
    return Promise.all([...this.unsettled]).then(() => undefined);
  }

  private pump(): void {
    while (this.active < this.options.concurrency && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.active++;
      void this.commit(batch).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }

  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    let size = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0];
      if (batch.length > 0 && size + next.spans.length > this.options.maxBatchSpans) break;
      this.queue.shift();
      batch.push(next);
      size += next.spans.length;
    }
    return batch;
  }

  private async commit(batch: Pending[]): Promise<void> {
    const spans = batch.length === 1 ? batch[0].spans : batch.flatMap((p) => p.spans);
    try {
      await this.append(spans);
      this.release(batch);
      for (const p of batch) p.resolve();
    } catch (error) {
      if (batch.length === 1) {
        this.release(batch);
        batch[0].reject(error);
        return;
      }
      // One request's spans must not fail the others that happened to share its transaction.
      for (const p of batch) {
        try {
          await this.append(p.spans);
          p.resolve();
        } catch (own) {
          p.reject(own);
        } finally {
          this.release([p]);
        }
      }
    }
  }

  private release(batch: Pending[]): void {
    for (const p of batch) this.queuedSpans -= p.spans.length;
  }
}
