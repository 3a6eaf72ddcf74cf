// Entry of the SQLite writer thread (bundled to .next/flowprint/sqlite-writer.mjs by
// `npm run build`). Batches that arrive while a transaction runs wait in the port and are
// committed together in the next one: group commit without timers.
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { SQLITE_BUSY_TIMEOUT_MS, SQLITE_PRAGMAS } from "../sqlite-pragmas";
import type { SpanBatch } from "../span-batch";
import { SqliteSpanBatchWriter, type BatchOutcome } from "./write-span-batches";
import type { WriterReply, WriterRequest } from "./writer-protocol";

const port = parentPort;
if (!port) throw new Error("worker-main must run in a worker thread");

const { file, maxGroupSpans } = workerData as { file: string; maxGroupSpans: number };
const db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
db.exec(SQLITE_PRAGMAS);
const writer = new SqliteSpanBatchWriter(db);

function reply(message: WriterReply): void {
  port!.postMessage(message);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

port.on("message", (first: WriterRequest) => {
  if (first.type === "close") {
    db.close();
    reply({ type: "closed" });
    return;
  }
  const group: { id: number; batch: SpanBatch }[] = [first];
  let spans = first.batch.rows.length;
  let closing = false;
  while (spans < maxGroupSpans) {
    const next = receiveMessageOnPort(port);
    if (!next) break;
    const message = next.message as WriterRequest;
    if (message.type === "close") {
      closing = true;
      break;
    }
    group.push(message);
    spans += message.batch.rows.length;
  }
  let outcomes: (BatchOutcome | Error)[];
  try {
    outcomes = writer.write(group.map((g) => g.batch));
  } catch {
    // One batch must not fail the others that shared its transaction: retry each alone.
    outcomes = group.map((g) => {
      try {
        return writer.write([g.batch])[0];
      } catch (own) {
        return own instanceof Error ? own : new Error(String(own));
      }
    });
  }
  group.forEach((g, i) => {
    const outcome = outcomes[i];
    if (outcome instanceof Error) reply({ type: "failed", id: g.id, message: describe(outcome) });
    else reply({ type: "written", id: g.id, ...outcome });
  });
  if (closing) {
    db.close();
    reply({ type: "closed" });
  }
});
