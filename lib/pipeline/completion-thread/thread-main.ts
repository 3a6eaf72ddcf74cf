// Entry of the completion thread (bundled to .next/flowprint/completion-thread.mjs by
// `npm run build`): trace completion rounds on their own database connection, so discovery
// uses the machine's second core and a round's queries never stall the server thread's
// requests (better-sqlite3 is synchronous: on the server thread every query, and every wait
// for SQLite's write lock, stopped all requests).
import { parentPort, workerData } from "node:worker_threads";
import { openStore } from "../../store/db";
import { startCompletionLoop } from "../complete-traces";
import type { CompletionThreadData, FromCompletionThread, ToCompletionThread } from "./thread-protocol";

const port = parentPort;
if (!port) throw new Error("thread-main must run in a worker thread");
const { databaseUrl, options, holdWriter } = workerData as CompletionThreadData;
const store = openStore(databaseUrl);
const waiting = new Map<number, () => void>();
let nextId = 1;

const send = (message: FromCompletionThread) => port.postMessage(message);

function writerHeld(): Promise<number> {
  const id = nextId++;
  return new Promise<number>((resolve) => {
    waiting.set(id, () => resolve(id));
    send({ type: "hold", id });
  });
}

const stop = startCompletionLoop(store, {
  ...options,
  onRound: (traces, durationMs) => send({ type: "round", traces, durationMs }),
  exclusive: holdWriter
    ? async (work) => {
        const id = await writerHeld();
        try {
          return await work();
        } finally {
          send({ type: "release", id });
        }
      }
    : undefined,
});

port.on("message", (message: ToCompletionThread) => {
  if (message.type === "held") {
    waiting.get(message.id)?.();
    waiting.delete(message.id);
    return;
  }
  stop();
  for (const resolve of waiting.values()) resolve();
  void store.close().finally(() => send({ type: "stopped" }));
});
