// Messages between the server thread and the SQLite writer thread.
import type { SpanBatch } from "../span-batch";

export type WriterRequest = { type: "write"; id: number; batch: SpanBatch } | { type: "close" };

export type WriterReply =
  | { type: "written"; id: number; inserted: number; duplicates: number }
  | { type: "failed"; id: number; message: string }
  | { type: "closed" };
