// Turns ohm's rightmost failure into a message for someone editing a YAML file: where, what
// would have fitted there, and what was found instead. Ohm lists every token that could start
// an operand ("(", "-", "nil", a name, ...); that list is folded into "a value" to stay short.
import type { FailedMatchResult } from "ohm-js";
import type { AssertionSyntaxError } from "./parse-assertion";
import { sourcePosition } from "./source-position";

/** The parts of ohm's Failure this module reads; ohm's typings do not declare them. */
interface OhmFailure {
  getText(): string;
  getType(): string;
  isFluffy(): boolean;
}

interface WithRightmostFailures {
  getRightmostFailures(): OhmFailure[];
}

const OPERAND_STARTS = new Set(["a name", "a number", `"'"`, `'"'`, `"("`, `"["`, `"-"`, `"."`, `"nil"`, `"true"`, `"false"`, `"not"`, `"!"`, `"if"`]);

const COMPARISONS = ["==", "!=", "<=", ">=", "<", ">"];

const MAX_FOUND_LENGTH = 16;

export function describeSyntaxError(source: string, match: FailedMatchResult): AssertionSyntaxError {
  const offset = match.getRightmostFailurePosition();
  const expected = expectedAt(match);
  const found = foundAt(source, offset);
  const message = `expected ${joinWithOr(expected)}, found ${found.description}${hint(expected, found.text)}`;
  return { message, ...sourcePosition(source, offset), expected };
}

function expectedAt(match: FailedMatchResult): string[] {
  const withFailures = match as FailedMatchResult & Partial<WithRightmostFailures>;
  if (typeof withFailures.getRightmostFailures !== "function") return [match.getExpectedText()];
  const labels: string[] = [];
  for (const failure of withFailures.getRightmostFailures()) {
    if (failure.isFluffy()) continue;
    const label = labelOf(failure);
    if (!labels.includes(label)) labels.push(label);
  }
  if (labels.includes("a name") && labels.includes("a number")) {
    return ["a value", ...labels.filter((label) => !OPERAND_STARTS.has(label))];
  }
  return labels;
}

function labelOf(failure: OhmFailure): string {
  const text = failure.getText();
  if (failure.getType() !== "string") return text === "end of input" ? "the end of the expression" : text;
  return text.includes('"') ? `'${text}'` : `"${text}"`;
}

function foundAt(source: string, offset: number): { text: string; description: string } {
  if (offset >= source.length) return { text: "", description: "the end of the expression" };
  const first = source.charAt(offset);
  if (first === "\n" || first === "\r") return { text: first, description: "the end of the line" };
  const characters: string[] = [];
  for (const character of source.slice(offset)) {
    if (character.trim() === "" || characters.length === MAX_FOUND_LENGTH) break;
    characters.push(character);
  }
  const text = characters.join("");
  return { text, description: JSON.stringify(text) };
}

function hint(expected: readonly string[], found: string): string {
  const startsWithComparison = COMPARISONS.some((op) => found.startsWith(op));
  if (startsWithComparison && !expected.includes("a comparison") && expected.includes("an operator")) {
    return " (comparisons do not chain: join them with `and`)";
  }
  if (found.startsWith("=") && expected.includes("a comparison")) return " (compare with `==`)";
  // Where a whole expression may start, "if" is among the expected; where only an operand may,
  // it is not, and the conditional has to be parenthesized.
  if (/^if(?![\p{L}\p{N}_])/u.test(found) && expected.includes("a value") && !expected.includes(`"if"`)) {
    return " (a conditional inside a larger expression goes in parentheses: `(if c then a else b)`)";
  }
  return "";
}

function joinWithOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "something else";
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
