// Pieces of generated trace_assert expressions: literals that read back as the value they were
// written from, and comparisons with attributes whose recorded type is not known.
import type { AttributeValue } from "../otlp/span";

const ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  "'": "\\'",
  "\n": "\\n",
  "\r": "\\r",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/** A single-quoted string literal; line breaks are escaped because a literal may not span lines. */
export function quoteText(text: string): string {
  return `'${text.replace(/[\\'\n\r\u2028\u2029]/g, (c) => ESCAPES[c])}'`;
}

/** `.attributes['db.namespace']`: the bracket form, since keys hold dots. */
export function attributeAccess(key: string, scope: "attributes" | "resource" = "attributes"): string {
  return `.${scope}[${quoteText(key)}]`;
}

function numberLiteral(value: number): string {
  // The grammar has no signed literal; unary minus makes one.
  return value < 0 || Object.is(value, -0) ? `-${String(-value)}` : String(value);
}

/** The literal a recorded scalar compares equal to once assertions have normalized it, or undefined. */
export function recordedLiteral(value: AttributeValue | undefined): string | undefined {
  if (typeof value === "string") return quoteText(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number" && Number.isFinite(value)) return numberLiteral(value);
  if (value !== null && typeof value === "object" && !Array.isArray(value) && typeof value.$int === "string" && Object.keys(value).length === 1) {
    // Assertions see a safe integer as a number and a larger one as its decimal text.
    const asNumber = Number(value.$int);
    return Number.isSafeInteger(asNumber) ? numberLiteral(asNumber) : quoteText(value.$int);
  }
  return undefined;
}

/**
 * The literal of `text` (a value read as text, as entry attributes are stored) in the type of
 * `sample`, a value recorded under the same key: "42" is the number 42 where the key held
 * numbers. Undefined when `text` cannot have that type or the sample is not a scalar.
 */
export function literalLike(text: string, sample: AttributeValue | undefined): string | undefined {
  if (typeof sample === "string") return quoteText(text);
  if (typeof sample === "boolean") return text === "true" || text === "false" ? text : undefined;
  const asNumber = Number(text);
  const numeric = text.trim() !== "" && Number.isFinite(asNumber);
  if (typeof sample === "number") return numeric ? numberLiteral(asNumber) : undefined;
  if (sample !== null && typeof sample === "object" && !Array.isArray(sample) && typeof sample.$int === "string" && Object.keys(sample).length === 1) {
    if (!/^-?\d+$/.test(text)) return undefined;
    return Number.isSafeInteger(asNumber) ? numberLiteral(asNumber) : quoteText(text);
  }
  return undefined;
}

/**
 * `access` equals `text`, where `text` is a value read as text (lib/traces readTextAttribute,
 * the entry attributes of lib/drift) and the recorded type is unknown: "42" may have been the
 * number 42 and "true" the boolean, so both readings are accepted.
 */
export function equalsText(access: string, text: string): string {
  const quoted = `${access} == ${quoteText(text)}`;
  if (text === "true" || text === "false") return `(${quoted} or ${access} == ${text})`;
  const asNumber = Number(text);
  if (text.trim() !== "" && Number.isFinite(asNumber) && String(asNumber) === text) return `(${quoted} or ${access} == ${numberLiteral(asNumber)})`;
  return quoted;
}
