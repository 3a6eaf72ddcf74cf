// Simulated work so spans have believable, varied durations.

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits a uniform random time in [minMs, maxMs). */
export function simulateWork(minMs: number, maxMs: number): Promise<void> {
  return sleep(minMs + Math.random() * (maxMs - minMs));
}

export function chance(probability: number): boolean {
  return Math.random() < probability;
}
