import { describe, expect, it } from "vitest";
import { awaitVerdict, DEADLINE_MARGIN_MS, POLL_INTERVAL_MS, type PollClock } from "./await-verdict";
import { FlowprintUnavailable, type ValidationAnswer } from "./flowprint-api";

function fakeClock(): PollClock & { slept: number } {
  let now = 0;
  const clock = {
    slept: 0,
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
      clock.slept++;
    },
  };
  return clock;
}

const verdict = { execution_id: "e", trace_id: "t", status: "passed", reasons: [] } as unknown as ValidationAnswer;

describe("awaitVerdict", () => {
  it("asks until the server stops saying running", async () => {
    const answers: ValidationAnswer[] = [{ status: "running", waiting_for: "the trace's first span" }, { status: "running", waiting_for: "the trace to complete" }, verdict];
    const clock = fakeClock();
    expect(await awaitVerdict({ traceValidation: async () => answers.shift()! }, "e", 10_000, clock)).toEqual({ verdict });
    expect(clock.slept).toBe(2);
  });

  it("gives up a margin after the run's deadline, saying what the server waited for", async () => {
    const clock = fakeClock();
    const answer = await awaitVerdict({ traceValidation: async () => ({ status: "running", waiting_for: "the trace's first span" }) }, "e", 1_000, clock);
    expect(answer).toEqual({ problem: "no validation before the timeout: Flowprint was still waiting for the trace's first span" });
    expect(clock.now()).toBeGreaterThanOrEqual(1_000 + DEADLINE_MARGIN_MS);
    expect(clock.now()).toBeLessThan(1_000 + DEADLINE_MARGIN_MS + POLL_INTERVAL_MS);
  });

  it("rides out a blip but not an outage", async () => {
    let calls = 0;
    const flaky = async (): Promise<ValidationAnswer> => {
      if (++calls === 1) throw new FlowprintUnavailable("blip");
      return verdict;
    };
    expect(await awaitVerdict({ traceValidation: flaky }, "e", 10_000, fakeClock())).toEqual({ verdict });
    const down = async (): Promise<ValidationAnswer> => {
      throw new FlowprintUnavailable("Flowprint at http://x could not be reached: connect ECONNREFUSED");
    };
    expect(await awaitVerdict({ traceValidation: down }, "e", 10_000, fakeClock())).toEqual({ problem: "Flowprint at http://x could not be reached: connect ECONNREFUSED" });
  });
});
