// The first step of prompt deduplication: values that vary from call to call are replaced by a
// placeholder naming their type, so "Summarise order 1234 for alice@example.com" and
// "Summarise order 98 for bob@example.org" both read "Summarise order {num} for {email}".
// Each rule is a plain pattern, applied in a fixed order (a URL may hold an email, a date holds
// numbers), so the result of any prompt can be worked out by hand.
import { EMAIL_PATTERN } from "./redact-emails";

const MASKS: { placeholder: string; pattern: RegExp }[] = [
  { placeholder: "{url}", pattern: /\b(?:https?|ftp):\/\/[^\s<>"'`]*[^\s<>"'`.,;:!?)\]}]/gi },
  { placeholder: "{email}", pattern: new RegExp(EMAIL_PATTERN) },
  { placeholder: "{uuid}", pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi },
  {
    placeholder: "{date}",
    pattern: /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w:])|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g,
  },
  { placeholder: "{time}", pattern: /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?!\w)/gi },
  // Quoted text on one line: "double", 'single' (not an apostrophe: no letter outside the
  // quotes), typographic and backtick quotes.
  { placeholder: "{str}", pattern: /"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|`[^`\n]*`|(?<!\w)'[^'\n]*'(?!\w)/g },
  // Ids: a token of 4+ characters mixing letters and digits (ORD-2024-17, a1b2c3d4, x86_64),
  // except ordinals (21st, 100th).
  {
    placeholder: "{id}",
    pattern: /(?<![\w-])(?!\d+(?:st|nd|rd|th)\b)(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9][\w-]{2,}[A-Za-z0-9](?![\w-])/g,
  },
  { placeholder: "{num}", pattern: /\d+(?:[.,]\d+)*/g },
];

/**
 * The text with its variable parts masked and its whitespace normalised (runs of spaces
 * collapsed, lines trimmed, blank lines dropped). Texts that differ only in masked values
 * have the same key.
 */
export function promptTemplateKey(text: string): string {
  let masked = text;
  for (const { placeholder, pattern } of MASKS) masked = masked.replace(pattern, placeholder);
  return masked
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}
