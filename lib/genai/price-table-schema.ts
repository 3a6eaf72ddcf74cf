// Validation of a workspace's `llm_prices` overrides, with errors that name the field, e.g.
// `llm_prices.gpt-4o.input_per_million must be ≥ 0`, so a settings form or file can point at
// the exact entry to fix.
import { z, type ZodError } from "zod";
import type { LlmPriceOverrides } from "./price-table";

const usdPerMillion = z
  .number({ error: (issue) => (issue.input === undefined ? "is required" : "must be a number") })
  .min(0, { error: "must be ≥ 0" });

export const modelPriceSchema = z.strictObject({
  input_per_million: usdPerMillion,
  output_per_million: usdPerMillion,
});

export const llmPriceOverridesSchema = z.record(
  z.string().trim().min(1),
  modelPriceSchema,
  {
    error: (issue) =>
      issue.code === "invalid_type" ? "must be an object of model name -> { input_per_million, output_per_million }" : undefined,
  },
);

export type LlmPriceOverridesInput = z.input<typeof llmPriceOverridesSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Validates overrides; `field` is the setting's name, the first segment of every error path. */
export function parseLlmPriceOverrides(input: unknown, field = "llm_prices"): ParseResult<LlmPriceOverrides> {
  const parsed = llmPriceOverridesSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: describeSettingIssues(parsed.error, field) };
}

/**
 * One sentence per issue, each starting with the dotted path of the offending field under the
 * setting `field`. Shared by the LLM settings schemas.
 */
export function describeSettingIssues(error: ZodError, field: string): string[] {
  return error.issues.map((issue) => {
    // A blank key would make the path unreadable (`llm_prices.  ...`), so it gets its own sentence.
    if (issue.code === "invalid_key") return `${field} has an empty model name`;
    const path = [field, ...issue.path.map(String)].join(".");
    if (issue.code === "unrecognized_keys") {
      return `${path} has unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `"${key}"`).join(", ")}`;
    }
    return `${path} ${issue.message}`;
  });
}
