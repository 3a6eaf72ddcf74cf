// Replaces emails, phone numbers and payment card numbers in free text with fixed markers, so
// stored prompts can be read and searched without the personal data in them.
import { redactCardNumbers, REDACTED_CARD } from "./redact-card-numbers";
import { redactEmails, REDACTED_EMAIL } from "./redact-emails";
import { redactPhoneNumbers, REDACTED_PHONE } from "./redact-phone-numbers";

export { REDACTED_CARD, REDACTED_EMAIL, REDACTED_PHONE };

export interface RedactionCounts {
  email: number;
  phone: number;
  card: number;
}

export interface RedactedText {
  text: string;
  counts: RedactionCounts;
  /** email + phone + card. */
  total: number;
}

export function emptyRedactionCounts(): RedactionCounts {
  return { email: 0, phone: 0, card: 0 };
}

export function addRedactionCounts(a: RedactionCounts, b: RedactionCounts): RedactionCounts {
  return { email: a.email + b.email, phone: a.phone + b.phone, card: a.card + b.card };
}

export function redactPii(text: string): RedactedText {
  // Emails first: their local parts may hold digit runs. Cards before phones: a grouped card
  // number has phone-like fragments, a phone number never passes as a card.
  const emails = redactEmails(text);
  const cards = redactCardNumbers(emails.text);
  const phones = redactPhoneNumbers(cards.text);
  const counts = { email: emails.count, phone: phones.count, card: cards.count };
  return { text: phones.text, counts, total: counts.email + counts.phone + counts.card };
}
