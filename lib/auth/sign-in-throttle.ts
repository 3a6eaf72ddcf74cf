// Failed sign-ins slow down guessing: per account, so rotating addresses does not help an
// attacker, and per address, so one address cannot try many accounts. Only failures count, so a
// person who types their password right is never held back by someone guessing it. Counts are
// kept per process (an instance behind a load balancer keeps its own).
export interface ThrottleRule {
  /** Failures allowed within the window before sign-in is refused. */
  maxFailures: number;
  windowMs: number;
}

export const ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000 };
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 20, windowMs: 15 * 60_000 };
/** Keys kept at most; the oldest go first (an attacker's stream of addresses must not grow memory). */
const MAX_KEYS = 50_000;

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly rules: { account: ThrottleRule; address: ThrottleRule } = { account: ACCOUNT_RULE, address: ADDRESS_RULE },
  ) {}

  /** Seconds to wait before trying again, or 0 when this sign-in may go ahead. */
  retryAfterSeconds(email: string, address: string | null): number {
    const waits = [this.wait(`account:${email.trim().toLowerCase()}`, this.rules.account)];
    if (address) waits.push(this.wait(`address:${address}`, this.rules.address));
    return Math.max(...waits);
  }

  recordFailure(email: string, address: string | null): void {
    this.push(`account:${email.trim().toLowerCase()}`, this.rules.account);
    if (address) this.push(`address:${address}`, this.rules.address);
  }

  /** A correct password clears the account's failures (not the address's). */
  recordSuccess(email: string): void {
    this.failures.delete(`account:${email.trim().toLowerCase()}`);
  }

  private recent(key: string, rule: ThrottleRule): number[] {
    const since = this.now() - rule.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  private wait(key: string, rule: ThrottleRule): number {
    const recent = this.recent(key, rule);
    if (recent.length < rule.maxFailures) return 0;
    // Free again when the oldest failure that still counts leaves the window.
    const freeAt = recent[recent.length - rule.maxFailures] + rule.windowMs;
    return Math.max(1, Math.ceil((freeAt - this.now()) / 1000));
  }

  private push(key: string, rule: ThrottleRule): void {
    const recent = this.recent(key, rule);
    this.failures.delete(key);
    this.failures.set(key, [...recent.slice(-rule.maxFailures), this.now()]);
    if (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }
}
