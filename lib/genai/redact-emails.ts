// Email addresses, by a practical pattern rather than RFC 5322: a dotted local part, `@`, and a
// domain ending in an alphabetic top-level label. That leaves out `@decorators`, `user@host`
// without a dot and `v1.2@3.4`, which real prompts contain far more often than exotic
// addresses such as quoted local parts.

export const REDACTED_EMAIL = "[REDACTED_EMAIL]";

/** Global; copy it (`new RegExp(EMAIL_PATTERN)`) before use elsewhere, as `lastIndex` is shared. */
export const EMAIL_PATTERN = new RegExp(
  [
    String.raw`(?<![\w.%+-])`, // not the tail of a longer token
    String.raw`[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*`, // local part
    "@",
    String.raw`(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+`, // domain labels
    String.raw`[A-Za-z]{2,63}`, // top-level domain
    String.raw`(?![A-Za-z0-9-])`,
  ].join(""),
  "g",
);

export function redactEmails(text: string): { text: string; count: number } {
  let count = 0;
  const redacted = text.replace(EMAIL_PATTERN, () => {
    count += 1;
    return REDACTED_EMAIL;
  });
  return { text: redacted, count };
}
