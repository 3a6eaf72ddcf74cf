import { describe, expect, it } from "vitest";
import { SignInThrottle } from "./sign-in-throttle";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("SignInThrottle", () => {
  const rules = { account: { maxFailures: 3, windowMs: 60_000 }, address: { maxFailures: 5, windowMs: 60_000 } };

  it("refuses an account after its failures, whatever the address, until the oldest leaves the window", () => {
    const c = clock();
    const throttle = new SignInThrottle(c.now, rules);
    for (const address of ["10.0.0.1", "10.0.0.2", "10.0.0.3"]) {
      expect(throttle.retryAfterSeconds("Ada@example.com", address)).toBe(0);
      throttle.recordFailure("ada@example.com", address);
      c.advance(10_000);
    }
    expect(throttle.retryAfterSeconds("ada@example.com", "10.0.0.9")).toBe(30);
    c.advance(29_000);
    expect(throttle.retryAfterSeconds("ada@example.com", "10.0.0.9")).toBe(1);
    c.advance(1_000);
    expect(throttle.retryAfterSeconds("ada@example.com", "10.0.0.9")).toBe(0);
    expect(throttle.retryAfterSeconds("bob@example.com", "10.0.0.1")).toBe(0);
  });

  it("refuses an address that tries many accounts", () => {
    const c = clock();
    const throttle = new SignInThrottle(c.now, rules);
    for (let i = 0; i < 5; i++) throttle.recordFailure(`user${i}@example.com`, "10.0.0.1");
    expect(throttle.retryAfterSeconds("someone@example.com", "10.0.0.1")).toBe(60);
    expect(throttle.retryAfterSeconds("someone@example.com", "10.0.0.2")).toBe(0);
    expect(throttle.retryAfterSeconds("someone@example.com", null)).toBe(0);
  });

  it("forgets an account's failures when its password is typed right", () => {
    const c = clock();
    const throttle = new SignInThrottle(c.now, rules);
    throttle.recordFailure("ada@example.com", null);
    throttle.recordFailure("ada@example.com", null);
    throttle.recordSuccess("ada@example.com");
    throttle.recordFailure("ada@example.com", null);
    expect(throttle.retryAfterSeconds("ada@example.com", null)).toBe(0);
  });
});
