// The eval dataset file: the one definition behind validation on load, the JSON Schema and the
// exporter's output type. Each case is one production LLM call: its input (editable), the
// conversation needed to replay it, the production completion and the assertions a new output
// must meet.
import { z } from "zod";
import type { ContentConvention } from "../genai/llm-call";

const traceId = z.string().regex(/^[0-9a-f]{32}$/, "must be 32 lowercase hex characters");
const spanId = z.string().regex(/^[0-9a-f]{16}$/, "must be 16 lowercase hex characters");

export const CONTENT_CONVENTIONS = [
  "otel_genai_messages",
  "otel_genai_events",
  "otel_genai_prompt",
  "openllmetry",
  "openinference_messages",
  "openinference_value",
] as const satisfies readonly ContentConvention[];

// A convention missing here would make every file exported from it fail to load.
const everyConventionListed: [Exclude<ContentConvention, (typeof CONTENT_CONVENTIONS)[number]>] extends [never] ? true : false = true;
void everyConventionListed;

/** Where the cases came from: one trace, or a selection of calls across traces (its filters kept as given). */
export const evalSourceSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("trace"), workspace: z.string().min(1), trace_id: traceId }).strict(),
  z.object({ type: z.literal("selection"), workspace: z.string().min(1) }).catchall(z.unknown()),
]);

export const evalMessageSchema = z
  .object({
    role: z.string().min(1),
    content: z.string(),
    /** Tool calls an assistant message requested: replaying an agent's conversation needs them. */
    tool_calls: z
      .array(z.object({ id: z.string().optional(), name: z.string().min(1), arguments: z.string().optional() }).strict())
      .optional(),
    tool_call_id: z.string().optional(),
  })
  .strict();

function compiles(pattern: string, flags: string | undefined): string | null {
  try {
    new RegExp(pattern, flags);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

// The order here is the order of ASSERTION_KINDS: the union's error message relies on it.
const assertionOptions = [
  /** The output is at most this many characters (Unicode code points). */
  z.object({ max_length: z.number().int().nonnegative() }).strict(),
  /** The output contains the text, ignoring case. */
  z.object({ contains: z.string().min(1) }).strict(),
  /** The output does not contain the text, ignoring case. */
  z.object({ not_contains: z.string().min(1) }).strict(),
  /** true: the output is a JSON object or array; false: it is not. */
  z.object({ is_json: z.boolean() }).strict(),
  /** A JavaScript regular expression the output must match, with optional flags such as "i" or "s". */
  z
    .object({ regex: z.string().min(1), flags: z.string().regex(/^[dgimsuvy]*$/, "must be JavaScript regular expression flags (d, g, i, m, s, u, v, y)").optional() })
    .strict()
    .superRefine((value, ctx) => {
      const problem = compiles(value.regex, value.flags);
      if (problem) ctx.addIssue({ code: "custom", path: ["regex"], message: `is not a valid regular expression: ${problem}` });
    }),
  /** A criterion a judge model grades the output against (PASS or FAIL). */
  z.object({ llm_judge: z.string().min(1) }).strict(),
] as const;

export const ASSERTION_KINDS = ["max_length", "contains", "not_contains", "is_json", "regex", "llm_judge"] as const;
export type AssertionKind = (typeof ASSERTION_KINDS)[number];

interface UnionIssue {
  code: string;
  input?: unknown;
  errors?: { path: PropertyKey[]; message: string }[][];
}

/** Zod's own message for a failed union is "Invalid input": say which kinds exist, or what is wrong with the one used. */
function assertionError(issue: UnionIssue): string {
  const input = issue.input;
  const kinds = input && typeof input === "object" && !Array.isArray(input) ? ASSERTION_KINDS.filter((kind) => kind in input) : [];
  if (kinds.length === 1 && issue.code === "invalid_union") {
    const inner = issue.errors?.[ASSERTION_KINDS.indexOf(kinds[0])]?.[0];
    if (inner) return inner.path.length > 0 ? `${inner.path.join(".")}: ${inner.message}` : inner.message;
  }
  return `an assertion has exactly one of ${ASSERTION_KINDS.join(", ")}${kinds.length > 1 ? ` (this one has ${kinds.join(" and ")})` : ""}`;
}

export const evalAssertionSchema = z.union(assertionOptions, { error: (issue) => assertionError(issue as UnionIssue) });

export const evalCaseSchema = z
  .object({
    /** Names the case in reports and in a responses file. */
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "must be letters, digits, '.', '_' and '-', starting with a letter or digit"),
    variables: z
      .object({
        /** The text sent as the last user message; edit it to try another input. */
        input: z.string(),
      })
      .strict(),
    assertions: z.array(evalAssertionSchema).default([]),
    /** The completion production returned: the baseline the assertions were derived from. */
    expected_output: z.string().optional(),
    /** The conversation sent in production, system instructions first; empty when it had no roles. */
    messages: z.array(evalMessageSchema).default([]),
    /** The model that answered in production. */
    model: z.string().min(1).optional(),
    /** Which attribute convention supplied the text. */
    convention: z.enum(CONTENT_CONVENTIONS).optional(),
    trace_id: traceId.optional(),
    span_id: spanId.optional(),
  })
  .strict();

export const evalDatasetSchema = z
  .object({
    name: z.string().min(1),
    source: evalSourceSchema,
    metadata: z
      .object({
        /** The exported trace; for a selection, its only trace or null when the cases span several. */
        trace_id: traceId.nullable(),
        exported_at: z.iso.datetime({ offset: true }),
        /** The model most of the cases' calls used; null when none was recorded. */
        model: z.string().nullable(),
        provider: z.string().nullable(),
      })
      .strict(),
    cases: z.array(evalCaseSchema).min(1, "must hold at least one case"),
  })
  .strict()
  .superRefine((dataset, ctx) => {
    const seen = new Set<string>();
    dataset.cases.forEach((testCase, index) => {
      if (seen.has(testCase.id)) ctx.addIssue({ code: "custom", path: ["cases", index, "id"], message: `duplicate case id "${testCase.id}"` });
      seen.add(testCase.id);
    });
  });

export type EvalDataset = z.infer<typeof evalDatasetSchema>;
export type EvalSource = z.infer<typeof evalSourceSchema>;
export type EvalCase = z.infer<typeof evalCaseSchema>;
export type EvalMessage = z.infer<typeof evalMessageSchema>;
export type EvalAssertion = z.infer<typeof evalAssertionSchema>;
export type LlmJudgeAssertion = Extract<EvalAssertion, { llm_judge: string }>;

export function assertionKind(assertion: EvalAssertion): AssertionKind {
  return ASSERTION_KINDS.find((kind) => kind in assertion) as AssertionKind;
}

export function isLlmJudge(assertion: EvalAssertion): assertion is LlmJudgeAssertion {
  return "llm_judge" in assertion;
}

export const EVAL_DATASET_SCHEMA_ID = "/schemas/flowprint-eval-dataset.json";

/** The JSON Schema of the file, generated from the same definition that validates it. */
export function evalDatasetJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(evalDatasetSchema, { io: "input" }) as Record<string, unknown>),
    $id: EVAL_DATASET_SCHEMA_ID,
    title: "Flowprint eval dataset",
  };
}
