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
  private held = 0;
  private readonly committing = new Set<Promise<void>>();

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
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ spans, resolve, reject });
      this.queuedSpans += spans.length;
      this.pump();
    });
  }

  /**
   * Stops handing batches to the database until the returned release is called, once the
   * batches already handed over have committed; requests meanwhile wait in the queue (bounded:
   * beyond it they get 503). Trace completion holds the writer around its write transactions on
   * SQLite: the writer thread started its next transaction the moment one committed, and
   * SQLite's busy handler, which polls with growing sleeps, let completion starve until its
   * busy timeout ("database is locked"), or, the other way round, completion starved ingestion
   * (npm run bench: requests waited 33 s).
   */
  async hold(): Promise<() => void> {
    this.held++;
    await Promise.all([...this.committing]);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held--;
      this.pump();
    };
  }

  private pump(): void {
    while (this.held === 0 && this.active < this.options.concurrency && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.active++;
      const committed: Promise<void> = this.commit(batch).finally(() => {
        this.active--;
        this.committing.delete(committed);
        this.pump();
      });
      this.committing.add(committed);
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
