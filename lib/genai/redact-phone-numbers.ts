// Phone numbers in the written forms people use, not every digit string that could be dialled:
// a bare run of digits is an id, a count or a price far more often than a phone number, so
// every pattern needs a `+`, parentheses or separators between the groups.
//
// - International: `+` and 8-15 digits (E.164's range, country code included) in groups, e.g.
//   `+1 415 555 0100`, `+44 20 7946 0958`, `+1 (415) 555-0100`, `+442079460958`.
// - North American: `(415) 555-0100`, `415-555-0100`, `415.555.0100`, `415 555 0100`, with an
//   optional leading `1`. Area code and exchange start with 2-9 as the numbering plan requires,
//   which also keeps IP addresses (`192.168.100.200`) and runs of sizes (`128 256 1024`) out.
// - National with a trunk 0 (UK, Germany, ...): `020 7946 0958`, `07700 900123`, `030-1234567`,
//   10 or 11 digits; and the French pairs `01 23 45 67 89`.
// Dates (`2024-08-06`), times, version numbers, UUIDs and `gpt-4o-2024-08-06`-style suffixes
// have other group lengths or hang off another token, and the boundaries below reject them.

export const REDACTED_PHONE = "[REDACTED_PHONE]";

// Not inside a longer token: no word character, `+`, `.` or `-` right before the number ...
const START = String.raw`(?<![\w+.-])`;
// ... and none after it, nor `.`/`-`/`/` followed by a digit (a longer dotted or dashed number).
const END = String.raw`(?!\w|[.\-/]\d)`;

const INTERNATIONAL = new RegExp(
  String.raw`(?<![\w+])\+\d{1,3}(?:[ .-]?\(\d{1,4}\)|[ .-]?\d{1,5}){1,6}` + END,
  "g",
);

const NORTH_AMERICAN = new RegExp(
  START + String.raw`(?:1[ .-]?)?(?:\([2-9]\d{2}\)[ .-]?|[2-9]\d{2}[ .-])[2-9]\d{2}[ .-]\d{4}` + END,
  "g",
);

const TRUNK_ZERO = new RegExp(START + String.raw`0\d{2,4}[ -]\d{3,4}[ -]?\d{3,4}` + END, "g");

const FRENCH_PAIRS = new RegExp(START + String.raw`0[1-9](?:[ .]\d{2}){4}` + END, "g");

function digitCount(text: string): number {
  return text.replace(/\D/g, "").length;
}

const PATTERNS: { pattern: RegExp; accepts: (match: string) => boolean }[] = [
  { pattern: INTERNATIONAL, accepts: (match) => digitCount(match) >= 8 && digitCount(match) <= 15 },
  { pattern: NORTH_AMERICAN, accepts: () => true },
  { pattern: TRUNK_ZERO, accepts: (match) => digitCount(match) >= 10 && digitCount(match) <= 11 },
  { pattern: FRENCH_PAIRS, accepts: () => true },
];

export function redactPhoneNumbers(text: string): { text: string; count: number } {
  let count = 0;
  let redacted = text;
  for (const { pattern, accepts } of PATTERNS) {
    redacted = redacted.replace(pattern, (match) => {
      if (!accepts(match)) return match;
      count += 1;
      return REDACTED_PHONE;
    });
  }
  return { text: redacted, count };
}
