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
const { databaseUrl, options, waitForWriter } = workerData as CompletionThreadData;
const store = openStore(databaseUrl);
const waiting = new Map<number, () => void>();
let nextId = 1;

const send = (message: FromCompletionThread) => port.postMessage(message);

const stop = startCompletionLoop(store, {
  ...options,
  beforeRound: waitForWriter
    ? () =>
        new Promise<void>((resolve) => {
          const id = nextId++;
          waiting.set(id, resolve);
          send({ type: "barrier", id });
        })
    : undefined,
});

port.on("message", (message: ToCompletionThread) => {
  if (message.type === "drained") {
    waiting.get(message.id)?.();
    waiting.delete(message.id);
    return;
  }
  stop();
  for (const resolve of waiting.values()) resolve();
  void store.close().finally(() => send({ type: "stopped" }));
});
