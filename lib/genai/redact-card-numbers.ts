// Payment card numbers: 13 to 19 digits, written solid or in groups split by single spaces or
// dashes, that pass the Luhn check.
//
// Digit strings are common in prompts and tool results (order numbers, ids, timestamps), and
// one in ten passes Luhn by chance, so a candidate must also look like a card:
// - it starts with 2-6, the first digit of every network in use (Visa 4, Mastercard 2/5,
//   Amex/Diners/JCB 3, Discover/UnionPay 6); this is what keeps 13-digit epoch-millisecond
//   timestamps, which all start with 1 until 2033, from being redacted;
// - grouped, it is grouped like a card: a first group of 4, every group 3-6 digits, one kind
//   of separator;
// - a dash-joined run is taken whole or not at all, so the tail of a dashed id or UUID is never
//   cut out of it.
// Space-separated runs may hold other numbers next to the card ("order 12 4111 1111 1111
// 1111"), so their groups are searched for a card-shaped window.

export const REDACTED_CARD = "[REDACTED_CARD]";

// A run of digit groups joined by single spaces or dashes, not glued to a word, a decimal or a
// longer dashed token on either side.
const DIGIT_RUN = /(?<![\w.,/-])\d+(?:[ -]\d+)*(?!\w|[.,/-]\d)/g;

interface Group {
  digits: string;
  /** The separator before this group in the run; "" for the first. */
  separator: string;
  start: number;
  end: number;
}

export function redactCardNumbers(text: string): { text: string; count: number } {
  let count = 0;
  const redacted = text.replace(DIGIT_RUN, (run) => {
    const groups = splitGroups(run);
    let out = "";
    let copiedUpTo = 0;
    for (let first = 0; first < groups.length; first++) {
      if (groups[first].separator === "-") continue;
      const last = findCardEnd(groups, first);
      if (last === -1) continue;
      out += run.slice(copiedUpTo, groups[first].start) + REDACTED_CARD;
      copiedUpTo = groups[last].end;
      count += 1;
      first = last;
    }
    return out + run.slice(copiedUpTo);
  });
  return { text: redacted, count };
}

function splitGroups(run: string): Group[] {
  const groups: Group[] = [];
  for (const match of run.matchAll(/([ -]?)(\d+)/g)) {
    const start = match.index + match[1].length;
    groups.push({ digits: match[2], separator: match[1], start, end: start + match[2].length });
  }
  return groups;
}

/** The index of the last group of the longest card starting at group `first`, or -1. */
function findCardEnd(groups: readonly Group[], first: number): number {
  for (let last = groups.length - 1; last >= first; last--) {
    if (groups[last + 1]?.separator === "-") continue;
    if (isCardShaped(groups.slice(first, last + 1))) return last;
  }
  return -1;
}

function isCardShaped(groups: readonly Group[]): boolean {
  const digits = groups.map((group) => group.digits).join("");
  if (digits.length < 13 || digits.length > 19 || !/^[2-6]/.test(digits)) return false;
  if (groups.length > 1) {
    if (groups[0].digits.length !== 4) return false;
    if (groups.some((group) => group.digits.length < 3 || group.digits.length > 6)) return false;
    const separator = groups[1].separator;
    if (groups.slice(2).some((group) => group.separator !== separator)) return false;
  }
  return passesLuhn(digits);
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
