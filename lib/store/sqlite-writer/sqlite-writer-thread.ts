// The server thread's handle on the SQLite writer thread. SQLite work is synchronous: on the
// server thread it would stall every request while it runs; on its own thread it overlaps
// with receiving and decoding the next requests, using the machine's second core.
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { SpanBatch } from "../span-batch";
import type { BatchOutcome } from "./write-span-batches";
import type { WriterReply, WriterRequest } from "./writer-protocol";

/** Where `npm run build` puts the bundled thread entry. */
export function writerBundlePath(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), process.env.FLOWPRINT_DIST_DIR || ".next", "flowprint", "sqlite-writer.mjs");
}

export class SqliteWriterThread {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (o: BatchOutcome) => void; reject: (e: Error) => void }>();
  private failure: Error | null = null;
  private closed: (() => void) | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: WriterReply) => this.onReply(reply));
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => this.fail(new Error(`The SQLite writer thread exited with code ${code}.`)));
  }

  /** Starts the thread, or returns null when the bundle is missing (not built). */
  static start(file: string, maxGroupSpans = 16_384): SqliteWriterThread | null {
    const bundle = writerBundlePath();
    if (!existsSync(bundle)) return null;
    return new SqliteWriterThread(new Worker(bundle, { workerData: { file, maxGroupSpans } }));
  }

  /** True while the thread can take batches. */
  get healthy(): boolean {
    return this.failure === null;
  }

  write(batch: SpanBatch): Promise<BatchOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<BatchOutcome>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ type: "write", id, batch });
    });
  }

  close(): Promise<void> {
    if (this.failure) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.closed = resolve;
      this.post({ type: "close" });
    });
  }

  private post(message: WriterRequest): void {
    this.worker.postMessage(message);
  }

  private onReply(reply: WriterReply): void {
    if (reply.type === "closed") {
      void this.worker.terminate();
      this.closed?.();
      return;
    }
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (reply.type === "written") waiter.resolve({ inserted: reply.inserted, duplicates: reply.duplicates });
    else waiter.reject(new Error(reply.message));
  }

  private fail(error: Error): void {
    if (this.closed) return;
    this.failure ??= error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
