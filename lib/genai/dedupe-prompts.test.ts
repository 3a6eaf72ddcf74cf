import { describe, expect, it } from "vitest";
import { dedupePrompts, promptTemplateKey } from "./dedupe-prompts";
import type { ChatMessage } from "./llm-call";

function call(startMs: number, ...messages: [role: string, content: string][]): { input: ChatMessage[]; startMs: number; id: number } {
  return { input: messages.map(([role, content]) => ({ role, content })), startMs, id: startMs };
}

const SYSTEM: [string, string] = ["system", "You are a support assistant for Acme. Be concise."];

describe("promptTemplateKey", () => {
  it.each([
    ["Summarise order 1234 for alice@example.com", "Summarise order {num} for {email}"],
    ["Refund $12.50 on 2024-08-06T10:00:00Z", "Refund ${num} on {date}"],
    ["Ticket 550e8400-e29b-41d4-a716-446655440000 opened 06/08/2024 at 9:30 am", "Ticket {uuid} opened {date} at {time}"],
    ['Classify the review: "Great product, would buy again"', "Classify the review: {str}"],
    ["Look up ORD-2024-17 and a1b2c3d4e5", "Look up {id} and {id}"],
    ["See https://example.com/orders/42?x=1.", "See {url}."],
    ["It's the 21st time; don't 'panic'", "It's the {num}st time; don't {str}"],
    ["  two   spaces\n\n\n  and lines  ", "two spaces\nand lines"],
  ])("masks %j", (text, key) => {
    expect(promptTemplateKey(text)).toBe(key);
  });

  it("gives the same key to texts that differ only in typed values", () => {
    expect(promptTemplateKey("Summarise order 1234 for alice@example.com")).toBe(
      promptTemplateKey("Summarise order 98 for bob@example.org"),
    );
  });
});

describe("dedupePrompts", () => {
  it("collapses prompts that differ only in variables", () => {
    const calls = [
      call(1000, SYSTEM, ["user", "Summarise order 1234 for alice@example.com"]),
      call(2000, SYSTEM, ["user", "Summarise order 98 for bob@example.org"]),
      call(3000, SYSTEM, ["user", "Summarise order 7 for carol@example.net"]),
    ];
    const { groups, callsWithoutPrompt } = dedupePrompts(calls);
    expect(callsWithoutPrompt).toBe(0);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      template: "system: You are a support assistant for Acme. Be concise.\nuser: Summarise order {num} for {email}",
      count: 3,
      firstSeenMs: 1000,
      lastSeenMs: 3000,
    });
    expect(groups[0].call).toBe(calls[0]);
  });

  it("keeps different instructions apart", () => {
    const { groups } = dedupePrompts([
      call(1, SYSTEM, ["user", "Summarise order 1234 for alice@example.com"]),
      call(2, SYSTEM, ["user", "Cancel order 1234 for alice@example.com"]),
      call(3, ["system", "You are a billing assistant for Acme. Be concise."], ["user", "Summarise order 1 for a@b.io"]),
      call(4, ["system", "You are a support assistant for Acme. Be thorough."], ["user", "Summarise order 1 for a@b.io"]),
      call(5, SYSTEM, ["user", "Summarise order 1234 for alice@example.com and include the refund status"]),
      call(6, ["user", "Summarise order 1234 for alice@example.com"]),
    ]);
    expect(groups).toHaveLength(6);
    expect(groups.every((group) => group.count === 1)).toBe(true);
  });

  it("collapses otherwise identical messages that differ in a few words", () => {
    const { groups } = dedupePrompts([
      call(1, ["user", "Write a short poem about cats."]),
      call(2, ["user", "Write a short poem about dogs."]),
      call(3, ["user", "Translate the following text into French: good morning"]),
      call(4, ["user", "Translate the following text into German: good morning"]),
      call(5, ["user", "Reply to Alice about the delayed shipment"]),
      call(6, ["user", "Reply to Bob about the delayed shipment"]),
    ]);
    expect(groups.map((group) => [group.template, group.count])).toEqual([
      ["user: Write a short poem about {var}.", 2],
      ["user: Translate the following text into {var}: good morning", 2],
      ["user: Reply to {var} about the delayed shipment", 2],
    ]);
  });

  it("does not let accumulated differences turn a template into anything", () => {
    const { groups } = dedupePrompts([
      call(1, ["user", "Write a short poem about cats."]),
      call(2, ["user", "Write a short poem about dogs."]),
      call(3, ["user", "Write a long essay about dogs."]),
    ]);
    expect(groups.map((group) => group.template)).toEqual([
      "user: Write a short poem about {var}.",
      "user: Write a long essay about dogs.",
    ]);
  });

  it("ignores assistant and tool turns and counts calls without a prompt", () => {
    const { groups, callsWithoutPrompt } = dedupePrompts([
      call(1, ["user", "What is 2+2?"], ["assistant", "4"]),
      call(2, ["user", "What is 3+5?"], ["assistant", "8"], ["tool", "{}"]),
      call(3, ["assistant", "Hello"]),
      call(4),
    ]);
    expect(groups.map((group) => [group.template, group.count])).toEqual([["user: What is {num}+{num}?", 2]]);
    expect(callsWithoutPrompt).toBe(2);
  });

  it("keeps the most recent call when asked, and orders by count", () => {
    const calls = [
      call(30, ["user", "Ping 3"]),
      call(10, ["user", "Ping 1"]),
      call(20, ["user", "Hello there"]),
      call(15, ["user", "Ping 2"]),
    ];
    const latest = dedupePrompts(calls, { keep: "latest" });
    expect(latest.groups.map((group) => [group.template, group.count, group.call.id])).toEqual([
      ["user: Ping {num}", 3, 30],
      ["user: Hello there", 1, 20],
    ]);
    const first = dedupePrompts(calls);
    expect(first.groups[0].call.id).toBe(10);
    expect(first.groups[0]).toMatchObject({ firstSeenMs: 10, lastSeenMs: 30 });
  });

  it("does not depend on the order calls are passed in", () => {
    const calls = [
      call(1, ["user", "Write a short poem about cats."]),
      call(2, ["user", "Write a short poem about dogs."]),
      call(3, ["user", "Summarise order 5 for a@b.io"]),
      call(4, ["user", "Write a long poem about dogs."]),
    ];
    const forward = dedupePrompts(calls).groups.map((group) => [group.template, group.count]);
    const backward = dedupePrompts([...calls].reverse()).groups.map((group) => [group.template, group.count]);
    expect(backward).toEqual(forward);
  });
});
