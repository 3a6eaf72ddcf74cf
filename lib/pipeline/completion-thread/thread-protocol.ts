// Messages between the server thread and the completion thread.
import type { CompletionOptions } from "../complete-traces";

export interface CompletionThreadData {
  databaseUrl: string;
  options: Omit<CompletionOptions, "exclusive" | "onRound">;
  /** Ask the server thread to hold its span writer around each write transaction (SQLite). */
  holdWriter: boolean;
}

export type ToCompletionThread = { type: "held"; id: number } | { type: "stop" };
export type FromCompletionThread =
  | { type: "hold"; id: number }
  | { type: "release"; id: number }
  | { type: "round"; traces: number; durationMs: number }
  | { type: "stopped" };
