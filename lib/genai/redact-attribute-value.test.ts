import { describe, expect, it } from "vitest";
import type { AttributeValue } from "../otlp/span";
import { redactAttributeValue } from "./redact-attribute-value";

describe("redactAttributeValue", () => {
  it("redacts plain strings and counts", () => {
    expect(redactAttributeValue("write to a@b.io")).toEqual({
      value: "write to [REDACTED_EMAIL]",
      counts: { email: 1, phone: 0, card: 0 },
    });
  });

  it("redacts inside JSON text and writes it back as JSON", () => {
    const text = JSON.stringify([{ role: "user", content: "Call me at\n415-555-0100" }]);
    // Raw, the escaped newline reads `at\n415-...`, which would hide the number.
    const result = redactAttributeValue(text);
    expect(JSON.parse(result.value as string)).toEqual([{ role: "user", content: "Call me at\n[REDACTED_PHONE]" }]);
    expect(result.counts.phone).toBe(1);
  });

  it("follows JSON nested in JSON", () => {
    const text = JSON.stringify({ tool_calls: [{ arguments: JSON.stringify({ card: "4111 1111 1111 1111" }) }] });
    const result = redactAttributeValue(text);
    const outer = JSON.parse(result.value as string) as { tool_calls: { arguments: string }[] };
    expect(JSON.parse(outer.tool_calls[0].arguments)).toEqual({ card: "[REDACTED_CARD]" });
  });

  it("walks arrays and objects and returns the same value when nothing changed", () => {
    const value = { messages: ["hi", { text: "bye" }], n: 3 };
    expect(redactAttributeValue(value).value).toBe(value);
    const changed = redactAttributeValue({ messages: ["hi", { text: "a@b.io" }], n: 3 });
    expect(changed.value).toEqual({ messages: ["hi", { text: "[REDACTED_EMAIL]" }], n: 3 });
  });

  it("leaves numbers, booleans, null and tagged values alone", () => {
    const values: AttributeValue[] = [4111111111111111, true, null, { $int: "4111111111111111111" }, { $bytes: "AAEC" }];
    for (const value of values) {
      expect(redactAttributeValue(value).value).toBe(value);
    }
  });
});
