// The server thread's handle on the completion thread (thread-main.ts).
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { CompletionThreadData, FromCompletionThread, ToCompletionThread } from "./thread-protocol";

/** Where `npm run build` puts the bundled thread entry. */
export function completionBundlePath(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), process.env.FLOWPRINT_DIST_DIR || ".next", "flowprint", "completion-thread.mjs");
}

/**
 * Starts trace completion on its own thread; `drained` answers its question before each round.
 * Returns null when the bundle is missing (not built): the caller completes on this thread.
 */
export function startCompletionThread(data: CompletionThreadData, drained: () => Promise<void>): (() => Promise<void>) | null {
  const bundle = completionBundlePath();
  if (!existsSync(bundle)) return null;
  const worker = new Worker(bundle, { workerData: data });
  const post = (message: ToCompletionThread) => worker.postMessage(message);
  let stopped: (() => void) | null = null;
  worker.on("message", (message: FromCompletionThread) => {
    if (message.type === "barrier") void drained().finally(() => post({ type: "drained", id: message.id }));
    else stopped?.();
  });
  worker.on("error", (error) => console.error("[flowprint] the trace completion thread failed", error));
  worker.unref();
  return () =>
    new Promise<void>((resolve) => {
      stopped = resolve;
      post({ type: "stop" });
      setTimeout(resolve, 5_000).unref();
    });
}
