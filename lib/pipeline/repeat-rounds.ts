// A background round every `intervalMs`, the next one timed from the end of the last, so a slow
// round never overlaps the next. A failed round is logged and the next one runs as planned.
import { errorFields, logger } from "../http/logger";

export function repeatRounds(round: () => Promise<unknown>, intervalMs: number, what: string): { stop: () => void } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      await round();
    } catch (error) {
      logger.error(errorFields(error), `${what} failed`);
    }
    if (!stopped) timer = setTimeout(run, intervalMs).unref();
  };
  timer = setTimeout(run, intervalMs).unref();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
