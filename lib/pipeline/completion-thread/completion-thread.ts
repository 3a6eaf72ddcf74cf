// The server thread's handle on the completion thread (thread-main.ts).
import { errorFields, logger } from "../../http/logger";
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { CompletionThreadData, FromCompletionThread, ToCompletionThread } from "./thread-protocol";

/** Where `npm run build` puts the bundled thread entry. */
export function completionBundlePath(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), process.env.FLOWPRINT_DIST_DIR || ".next", "flowprint", "completion-thread.mjs");
}

/**
 * Starts trace completion on its own thread; `hold` holds the span writer while it writes.
 * Returns null when the bundle is missing (not built): the caller completes on this thread.
 */
export function startCompletionThread(
  data: CompletionThreadData,
  hold: () => Promise<() => void>,
  onRound?: (traces: number, durationMs: number) => void,
): (() => Promise<void>) | null {
  const bundle = completionBundlePath();
  if (!existsSync(bundle)) return null;
  const worker = new Worker(bundle, { workerData: data });
  const post = (message: ToCompletionThread) => worker.postMessage(message);
  let stopped: (() => void) | null = null;
  const releases = new Map<number, () => void>();
  worker.on("message", (message: FromCompletionThread) => {
    if (message.type === "hold") {
      void hold().then((release) => {
        releases.set(message.id, release);
        post({ type: "held", id: message.id });
      });
    } else if (message.type === "release") {
      releases.get(message.id)?.();
      releases.delete(message.id);
    } else if (message.type === "round") onRound?.(message.traces, message.durationMs);
    else stopped?.();
  });
  // A thread that dies while holding the writer must not stop ingestion with it.
  worker.on("exit", () => {
    for (const release of releases.values()) release();
    releases.clear();
  });
  worker.on("error", (error) => logger.error(errorFields(error), "the trace completion thread failed"));
  worker.unref();
  return () =>
    new Promise<void>((resolve) => {
      stopped = resolve;
      post({ type: "stop" });
      setTimeout(resolve, 5_000).unref();
    });
}
