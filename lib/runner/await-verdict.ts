// Flowprint decides when a run's trace is ready (complete, every expected node seen, or the
// run's deadline passed); the runner only asks until it has an answer, and gives up a margin
// after the deadline in case the server never gets round to it.
import { FlowprintUnavailable, type FlowprintApi } from "./flowprint-api";
import type { TraceVerdict } from "./test-run";

export const POLL_INTERVAL_MS = 400;
/** Past the deadline the server validates on the next call; this covers a slow round or two. */
export const DEADLINE_MARGIN_MS = 5_000;
// One failed call is a blip; several in a row is Flowprint gone.
const MAX_CONSECUTIVE_ERRORS = 3;

export interface PollClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PollClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

export async function awaitVerdict(
  api: Pick<FlowprintApi, "traceValidation">,
  executionId: string,
  deadlineMs: number,
  clock: PollClock = realClock,
): Promise<{ verdict: TraceVerdict } | { problem: string }> {
  const giveUpAt = deadlineMs + DEADLINE_MARGIN_MS;
  let errors = 0;
  let waitingFor = "the trace";
  for (;;) {
    try {
      const answer = await api.traceValidation(executionId);
      errors = 0;
      if (answer.status !== "running") return { verdict: answer };
      waitingFor = answer.waiting_for;
    } catch (error) {
      if (!(error instanceof FlowprintUnavailable)) throw error;
      if (++errors >= MAX_CONSECUTIVE_ERRORS) return { problem: error.message };
    }
    if (clock.now() >= giveUpAt) return { problem: `no validation before the timeout: Flowprint was still waiting for ${waitingFor}` };
    await clock.sleep(POLL_INTERVAL_MS);
  }
}
