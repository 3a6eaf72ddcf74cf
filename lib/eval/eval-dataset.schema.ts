// The eval dataset file: the one definition behind validation on load, the JSON Schema and the
// exporter's output type. Each case is one production LLM call: its input (editable), the
// conversation needed to replay it, the production completion and the assertions a new output
// must meet. A dataset toad-eye's `export-trace` wrote loads too: its header differs (a `source`
// string, Jaeger trace ids) and its cases hold only `id`, `variables.input` and `assertions`.
import { z } from "zod";
import type { ContentConvention } from "../genai/llm-call";
import { evalAssertionFileSchema, evalAssertionSchema } from "./eval-assertion.schema";
import { schemaChosenByShape } from "./schema-chosen-by-shape";

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

/** Where Flowprint's cases came from: one trace, or a selection of calls across traces (its filters kept as given). */
export const evalSourceSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("trace"), workspace: z.string().min(1), trace_id: traceId }).strict(),
  z.object({ type: z.literal("selection"), workspace: z.string().min(1) }).catchall(z.unknown()),
]);

/** In a file another tool wrote, `source` is that tool's name: toad-eye writes `toad-eye-export`. */
const toolName = z.string().min(1);
const sourceForms = {
  file: z.union([toolName, evalSourceSchema]),
  loaded: schemaChosenByShape<string | EvalSource>((input) => ({ schema: typeof input === "string" ? toolName : evalSourceSchema })),
};

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

/**
 * The case and dataset shapes around the schemas of an assertion and of a source: the loader's
 * (which pick a form by shape, for precise problems) or the JSON Schema's (unions it can state).
 */
function datasetSchemaWith<A extends z.ZodType, S extends z.ZodType>(assertion: A, source: S) {
  const caseSchema = z
    .object({
      /** Names the case in reports and in a responses file; Flowprint numbers them `production-case-N`, as toad-eye does. */
      id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "must be letters, digits, '.', '_' and '-', starting with a letter or digit"),
      variables: z
        .object({
          /** The text sent as the last user message; edit it to try another input. */
          input: z.string(),
        })
        .strict(),
      assertions: z.array(assertion).default([]),
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

  const datasetSchema = z
    .object({
      name: z.string().min(1),
      source,
      metadata: z
        .object({
          /**
           * The exported trace; for a selection, its only trace or null when the cases span several.
           * Any text, not only 32 hex digits: toad-eye writes Jaeger's ids as Jaeger shows them.
           */
          trace_id: z.string().min(1).nullable(),
          exported_at: z.iso.datetime({ offset: true }),
          /** The model most of the cases' calls used; null when none was recorded. */
          model: z.string().nullable(),
          provider: z.string().nullable(),
        })
        .strict(),
      cases: z.array(caseSchema).min(1, "must hold at least one case"),
    })
    .strict()
    .superRefine((dataset, ctx) => {
      const seen = new Set<string>();
      dataset.cases.forEach((testCase, index) => {
        if (seen.has(testCase.id)) ctx.addIssue({ code: "custom", path: ["cases", index, "id"], message: `duplicate case id "${testCase.id}"` });
        seen.add(testCase.id);
      });
    });
  return { caseSchema, datasetSchema };
}

const loaded = datasetSchemaWith(evalAssertionSchema, sourceForms.loaded);
export const evalCaseSchema = loaded.caseSchema;
export const evalDatasetSchema = loaded.datasetSchema;

export type EvalDataset = z.infer<typeof evalDatasetSchema>;
export type EvalSource = z.infer<typeof evalSourceSchema>;
export type EvalCase = z.infer<typeof evalCaseSchema>;
export type EvalMessage = z.infer<typeof evalMessageSchema>;
export { isLlmJudge, type EvalAssertion, type LlmJudgeAssertion } from "./eval-assertion.schema";

export const EVAL_DATASET_SCHEMA_ID = "/schemas/flowprint-eval-dataset.json";

/** The JSON Schema of the file, generated from the same definition that validates it. */
export function evalDatasetJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(datasetSchemaWith(evalAssertionFileSchema, sourceForms.file).datasetSchema, { io: "input" }) as Record<string, unknown>),
    $id: EVAL_DATASET_SCHEMA_ID,
    title: "Flowprint eval dataset",
  };
}
