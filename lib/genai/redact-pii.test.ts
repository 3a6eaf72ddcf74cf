import { describe, expect, it } from "vitest";
import { redactPii } from "./redact-pii";

function redacted(text: string): string {
  return redactPii(text).text;
}

describe("redactPii", () => {
  it("redacts all three kinds and counts them", () => {
    const result = redactPii(
      "Contact alice@example.com or +1 415 555 0100, pay with 4111 1111 1111 1111, cc bob.smith+tag@mail.example.co.uk",
    );
    expect(result.text).toBe(
      "Contact [REDACTED_EMAIL] or [REDACTED_PHONE], pay with [REDACTED_CARD], cc [REDACTED_EMAIL]",
    );
    expect(result.counts).toEqual({ email: 2, phone: 1, card: 1 });
    expect(result.total).toBe(4);
  });

  it("leaves text without personal data exactly as it was", () => {
    const text = "Summarise the last 3 orders (total $1,299.00) placed since 2024-08-06.";
    expect(redactPii(text)).toEqual({ text, counts: { email: 0, phone: 0, card: 0 }, total: 0 });
  });

  it("is idempotent", () => {
    const once = redacted("mail a@b.io, call (415) 555-0100, card 5555-5555-5555-4444");
    expect(redacted(once)).toBe(once);
    expect(redactPii(once).total).toBe(0);
  });
});

describe("emails", () => {
  it.each([
    ["alice@example.com", "[REDACTED_EMAIL]"],
    ["Write to Bob.Smith@Example.ORG.", "Write to [REDACTED_EMAIL]."],
    ["<first_last-99@sub.domain.io>", "<[REDACTED_EMAIL]>"],
    ["mailto:ops%team@example.com", "mailto:[REDACTED_EMAIL]"],
    ['{"email":"x.y+z@corp.example"}', '{"email":"[REDACTED_EMAIL]"}'],
  ])("redacts %s", (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  it.each([
    "use the @Injectable() decorator",
    "ssh user@localhost",
    "pinned to v1.2@3.4",
    "npm i @scope/package@1.2.3",
    "price is 5@10",
  ])("keeps %s", (input) => {
    expect(redacted(input)).toBe(input);
  });
});

describe("card numbers", () => {
  it.each([
    ["4111111111111111", "Visa, solid"],
    ["4111 1111 1111 1111", "Visa, spaced"],
    ["5555-5555-5555-4444", "Mastercard, dashed"],
    ["2223 0031 2200 3222", "Mastercard 2-series"],
    ["378282246310005", "Amex, solid"],
    ["3782 822463 10005", "Amex, 4-6-5"],
    ["6011 1111 1111 1117", "Discover"],
    ["3530111333300000", "JCB"],
    ["4222222222222", "13-digit Visa"],
  ])("redacts %s (%s)", (card) => {
    expect(redactPii(`card: ${card}.`)).toMatchObject({ text: "card: [REDACTED_CARD].", counts: { card: 1 } });
  });

  it("finds a card next to other numbers in a spaced run", () => {
    expect(redacted("order 12 4111 1111 1111 1111 please")).toBe("order 12 [REDACTED_CARD] please");
  });

  it("redacts cards inside JSON strings", () => {
    expect(redacted('{"card":"4111111111111111","cvc":"123"}')).toBe('{"card":"[REDACTED_CARD]","cvc":"123"}');
  });

  it.each([
    ["4111 1111 1111 1112", "fails Luhn"],
    ["1234567812345670", "passes Luhn but starts with 1"],
    ["1731000000009", "Luhn-valid epoch milliseconds"],
    ["order 4111111111111111-2", "dashed id"],
    ["550e8400-e29b-41d4-a716-446655440000", "UUID"],
    ["12345678-1234-5678-1234-567812345678", "all-digit UUID"],
    ["41 11 11 11 11 11 11 11", "wrong grouping"],
    ["4111 1111-1111 1111", "mixed separators"],
    ["ref 41111111111111111111", "too long"],
    ["42424242.4242424242", "decimal"],
    ["tokens: 1200 1300 1400", "plain numbers"],
  ])("keeps %s (%s)", (input) => {
    expect(redacted(input)).toBe(input);
  });
});

describe("phone numbers", () => {
  it.each([
    "+1 415 555 0100",
    "+1-415-555-0100",
    "+1 (415) 555-0100",
    "+14155550100",
    "+44 20 7946 0958",
    "+442079460958",
    "+49 30 12345678",
    "+33 1 23 45 67 89",
    "(415) 555-0100",
    "(415)555-0100",
    "415-555-0100",
    "415.555.0100",
    "415 555 0100",
    "1-800-555-0100",
    "020 7946 0958",
    "07700 900123",
    "030-12345678",
    "01 23 45 67 89",
  ])("redacts %s", (phone) => {
    expect(redactPii(`Call ${phone} today`)).toMatchObject({ text: "Call [REDACTED_PHONE] today", counts: { phone: 1 } });
  });

  it("redacts several numbers in one text", () => {
    expect(redactPii("US: 415-555-0100, UK: +44 20 7946 0958.")).toMatchObject({
      text: "US: [REDACTED_PHONE], UK: [REDACTED_PHONE].",
      counts: { phone: 2 },
    });
  });

  it.each([
    ["2024-08-06", "ISO date"],
    ["2024-08-06T12:30:45.123Z", "ISO timestamp"],
    ["06/08/2024 and 06-08-2024", "national dates"],
    ["12:30:45", "time"],
    ["gpt-4o-2024-08-06", "model suffix"],
    ["claude-3-5-sonnet-20241022", "dated model"],
    ["550e8400-e29b-41d4-a716-446655440000", "UUID"],
    ["192.168.100.200", "IPv4"],
    ["203.205.110.2001", "IPv4-like"],
    ["10.0.19045.3803", "version"],
    ["v2.415.555", "version"],
    ["order 4155550100", "bare 10 digits"],
    ["ORD-415-555-0100", "dashed id"],
    ["415-555-0100-77", "longer dashed id"],
    ["$1,299.99 for 1,234,567 tokens", "prices and counts"],
    ["128 256 1024", "sizes"],
    ["123-45-6789", "SSN-shaped"],
    ["94105-1234", "ZIP+4"],
    ["978-3-16-148410-0", "ISBN"],
    ["+5 points, +1.5%", "signed numbers"],
    ["took 1234 ms, 5678 tokens, 91011 bytes", "metrics"],
  ])("keeps %s (%s)", (input) => {
    expect(redacted(input)).toBe(input);
  });
});
