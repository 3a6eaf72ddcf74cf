// One shared clock for everything that says "3 min ago": a single timer however many times are
// on screen, stopped when none is, and a stable value between ticks (useSyncExternalStore needs
// getSnapshot to return the same value until the store changes).

export interface Clock {
  subscribe(onTick: () => void): () => void;
  now(): number;
}

export function createClock(tickMs: number, read: () => number = () => Date.now()): Clock {
  const listeners = new Set<() => void>();
  let current = read();
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    current = read();
    listeners.forEach((listener) => listener());
  };
  return {
    subscribe(onTick) {
      listeners.add(onTick);
      if (listeners.size === 1) {
        // The clock was idle: catch up before anyone reads it again.
        current = read();
        timer = setInterval(tick, tickMs);
      }
      return () => {
        listeners.delete(onTick);
        if (listeners.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    // While nobody listens the value is not ticking: read the time afresh, at most once a tick.
    now() {
      if (listeners.size === 0 && read() - current >= tickMs) current = read();
      return current;
    },
  };
}
