// Retries: exponential backoff with a cap and a most number of attempts. With the defaults a
// delivery is tried 8 times over about 21 minutes (10 s, 20 s, 40 s ... 640 s between tries),
// which rides out a receiver's restart or deploy; the cap matters only when attempts are raised.
export interface RetryPolicy {
  /** Wait after the first failed attempt. */
  baseMs: number;
  /** Each later wait is this many times the one before. */
  factor: number;
  capMs: number;
  maxAttempts: number;
  /**
   * Share of each wait taken off at random (0..1), so deliveries that failed together do not
   * all come back at the same moment when a receiver recovers.
   */
  jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 10_000, factor: 2, capMs: 3_600_000, maxAttempts: 8, jitter: 0.2 };

/** The wait after `attemptsMade` failed attempts; `random` in [0, 1) is injected so tests know it. */
export function retryDelayMs(attemptsMade: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, attemptsMade - 1);
  const full = Math.min(policy.capMs, policy.baseMs * policy.factor ** exponent);
  return Math.round(full * (1 - policy.jitter * random()));
}

export type AttemptPlan = { state: "delivered" } | { state: "failed" } | { state: "pending"; nextAttemptAtMs: number };

/** What becomes of a delivery after its attempt number `attemptsMade` (1-based). */
export function planNextAttempt(input: { attemptsMade: number; maxAttempts: number; succeeded: boolean; nowMs: number }, policy: RetryPolicy, random: () => number = Math.random): AttemptPlan {
  if (input.succeeded) return { state: "delivered" };
  if (input.attemptsMade >= input.maxAttempts) return { state: "failed" };
  return { state: "pending", nextAttemptAtMs: input.nowMs + retryDelayMs(input.attemptsMade, policy, random) };
}

/** A receiver accepted the delivery: any 2xx. Redirects are not followed, so 3xx is a failure. */
export function isDelivered(statusCode: number | null): boolean {
  return statusCode !== null && statusCode >= 200 && statusCode < 300;
}
