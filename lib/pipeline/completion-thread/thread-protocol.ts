// Messages between the server thread and the completion thread.
import type { CompletionOptions } from "../complete-traces";

export interface CompletionThreadData {
  databaseUrl: string;
  options: Omit<CompletionOptions, "beforeRound">;
  /** Ask the server thread before each round whether the spans accepted so far are written. */
  waitForWriter: boolean;
}

export type ToCompletionThread = { type: "drained"; id: number } | { type: "stop" };
export type FromCompletionThread = { type: "barrier"; id: number } | { type: "stopped" };
