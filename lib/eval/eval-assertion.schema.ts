// One assertion of an eval case. Files hold it in one of two forms, and both load into the first:
//
// - `{type, value}`, the form toad-eye's `export-trace` writes (`type: max_length`, `value: 1500`)
//   and promptfoo's `assert:` lists use; the one Flowprint writes. Type names are written with
//   underscores, as toad-eye writes them; promptfoo's hyphens (`starts-with`, `not-icontains`)
//   load too. Where a name is also promptfoo's, it means what promptfoo's does.
// - `{max_length: 44}`, one key per assertion: what Flowprint wrote before, read with the meaning
//   it had then (so an old file keeps checking what it checked).
import { z } from "zod";
import { schemaChosenByShape, type Choice } from "./schema-chosen-by-shape";

/** Text assertions: compared with the value as written; the `i` forms ignore case (check-assertion.ts). */
export const TEXT_ASSERTION_TYPES = ["contains", "not_contains", "icontains", "not_icontains", "equals", "not_equals", "starts_with", "not_starts_with"] as const;
export type TextAssertionType = (typeof TEXT_ASSERTION_TYPES)[number];

export type EvalAssertion =
  /** The output is at most this many characters (Unicode code points). */
  | { type: "max_length"; value: number }
  | { type: TextAssertionType; value: string }
  /** A JavaScript regular expression, with optional flags (a Flowprint addition: promptfoo has none). */
  | { type: "regex" | "not_regex"; value: string; flags?: string }
  /** true: the output is (contains) JSON; false: it is not (does not). */
  | { type: "is_json" | "contains_json"; value: boolean }
  /** A criterion a judge model grades the output against (PASS or FAIL). */
  | { type: "llm_judge"; value: string };

export type AssertionType = EvalAssertion["type"];
export type LlmJudgeAssertion = Extract<EvalAssertion, { type: "llm_judge" }>;

export function isLlmJudge(assertion: EvalAssertion): assertion is LlmJudgeAssertion {
  return assertion.type === "llm_judge";
}

/** `starts_with` and promptfoo's `starts-with`: the names a type is written under. */
function spellings(name: string): [string, ...string[]] {
  const hyphenated = name.replaceAll("_", "-");
  return hyphenated === name ? [name] : [name, hyphenated];
}

// promptfoo turns a number into its text (`value: 1042` looks for "1042"); so does Flowprint.
const text = z.union([z.string().min(1, "must not be empty"), z.number()]).transform(String);
const exactText = z.union([z.string(), z.number()]).transform(String);
// promptfoo's is-json and contains-json take no value: present means "is JSON".
const flag = z.boolean().default(true);
const flags = z.string().regex(/^[dgimsuvy]*$/, "must be JavaScript regular expression flags (d, g, i, m, s, u, v, y)").optional();

function compiles(pattern: string, patternFlags: string | undefined): string | null {
  try {
    new RegExp(pattern, patternFlags);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const typeNamed = (name: string) => z.enum(spellings(name));

function typed<V extends z.ZodType>(name: string, value: V) {
  return z.object({ type: typeNamed(name), value }).strict();
}

function pattern(name: "regex" | "not_regex") {
  return z
    .object({ type: typeNamed(name), value: z.string().min(1, "must not be empty"), flags })
    .strict()
    .superRefine((assertion, ctx) => {
      const problem = compiles(assertion.value, assertion.flags);
      if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: `is not a valid regular expression: ${problem}` });
    })
    .transform(({ value, flags: given }): EvalAssertion => ({ type: name, value, ...(given !== undefined ? { flags: given } : {}) }));
}

const textType = (name: TextAssertionType, value = text) => typed(name, value).transform(({ value: given }): EvalAssertion => ({ type: name, value: given }));
const flagType = (name: "is_json" | "contains_json", negated: boolean) =>
  typed(negated ? `not_${name}` : name, flag).transform(({ value }): EvalAssertion => ({ type: name, value: negated ? !value : value }));

/**
 * Every type a `{type, value}` assertion may have, by its canonical name. `not_is_json` and
 * `not_contains_json` (promptfoo's negations) load as `is_json: false` and `contains_json: false`.
 */
const TYPED_FORMS = {
  max_length: typed("max_length", z.number().int().nonnegative()).transform(({ value }): EvalAssertion => ({ type: "max_length", value })),
  contains: textType("contains"),
  not_contains: textType("not_contains"),
  icontains: textType("icontains"),
  not_icontains: textType("not_icontains"),
  equals: textType("equals", exactText),
  not_equals: textType("not_equals", exactText),
  starts_with: textType("starts_with"),
  not_starts_with: textType("not_starts_with"),
  regex: pattern("regex"),
  not_regex: pattern("not_regex"),
  is_json: flagType("is_json", false),
  not_is_json: flagType("is_json", true),
  contains_json: flagType("contains_json", false),
  not_contains_json: flagType("contains_json", true),
  llm_judge: typed("llm_judge", z.string().min(1, "must not be empty")).transform(({ value }): EvalAssertion => ({ type: "llm_judge", value })),
} satisfies Record<string, z.ZodType<EvalAssertion, unknown>>;

// A type added to EvalAssertion without a form here could never be loaded.
const everyTypeLoads: [Exclude<AssertionType, keyof typeof TYPED_FORMS>] extends [never] ? true : false = true;
void everyTypeLoads;

export const ASSERTION_TYPE_NAMES = Object.keys(TYPED_FORMS);
const TYPED_BY_SPELLING = new Map<string, z.ZodType<EvalAssertion, unknown>>(
  Object.entries(TYPED_FORMS).flatMap(([name, schema]) => spellings(name).map((spelling) => [spelling, schema] as const)),
);

// The one-key form Flowprint wrote before `{type, value}`. Its `contains` and `not_contains`
// ignored case, so they load as `icontains` and `not_icontains`. Its `is_json: true` asked for an
// object or array; it now loads as promptfoo's is_json (any JSON value), a little looser.
const LEGACY_FORMS = {
  max_length: z.object({ max_length: z.number().int().nonnegative() }).strict().transform(({ max_length }): EvalAssertion => ({ type: "max_length", value: max_length })),
  contains: z.object({ contains: z.string().min(1) }).strict().transform(({ contains }): EvalAssertion => ({ type: "icontains", value: contains })),
  not_contains: z.object({ not_contains: z.string().min(1) }).strict().transform(({ not_contains }): EvalAssertion => ({ type: "not_icontains", value: not_contains })),
  is_json: z.object({ is_json: z.boolean() }).strict().transform(({ is_json }): EvalAssertion => ({ type: "is_json", value: is_json })),
  regex: z
    .object({ regex: z.string().min(1), flags })
    .strict()
    .superRefine((assertion, ctx) => {
      const problem = compiles(assertion.regex, assertion.flags);
      if (problem) ctx.addIssue({ code: "custom", path: ["regex"], message: `is not a valid regular expression: ${problem}` });
    })
    .transform(({ regex, flags: given }): EvalAssertion => ({ type: "regex", value: regex, ...(given !== undefined ? { flags: given } : {}) })),
  llm_judge: z.object({ llm_judge: z.string().min(1) }).strict().transform(({ llm_judge }): EvalAssertion => ({ type: "llm_judge", value: llm_judge })),
} satisfies Record<string, z.ZodType<EvalAssertion, unknown>>;

const LEGACY_KEYS = Object.keys(LEGACY_FORMS) as (keyof typeof LEGACY_FORMS)[];

const WHAT_AN_ASSERTION_IS = `an assertion is "type: <${ASSERTION_TYPE_NAMES.join(" | ")}>" with its "value", or in the older form exactly one of ${LEGACY_KEYS.join(", ")}`;

const isRecord = (input: unknown): input is Record<string, unknown> => input !== null && typeof input === "object" && !Array.isArray(input);

/**
 * An assertion as a file holds it → the `{type, value}` assertion. Problems keep their paths
 * (`type`, `value`, `flags`), so a loader points at the very line that is wrong.
 */
export const evalAssertionSchema = schemaChosenByShape((input): Choice<EvalAssertion> => {
  if (isRecord(input) && ("type" in input || "value" in input)) {
    const type = input.type;
    const schema = typeof type === "string" ? TYPED_BY_SPELLING.get(type) : undefined;
    if (schema) return { schema };
    const given = type === undefined ? "is missing" : typeof type === "string" ? `"${type}" is not an assertion type` : "must be a string";
    return { problem: `${given}: use one of ${ASSERTION_TYPE_NAMES.join(", ")}`, path: ["type"] };
  }
  const keys = isRecord(input) ? LEGACY_KEYS.filter((key) => key in input) : [];
  if (keys.length === 1) return { schema: LEGACY_FORMS[keys[0]] };
  return { problem: `${WHAT_AN_ASSERTION_IS}${keys.length > 1 ? ` (this one has ${keys.join(" and ")})` : ""}` };
});

/** Both forms as a JSON Schema can state them (the loader above gives the better messages). */
export const evalAssertionFileSchema = z.union([...Object.values(TYPED_FORMS), ...Object.values(LEGACY_FORMS)]);
