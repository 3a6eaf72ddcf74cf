import { describe, expect, it } from "vitest";
import { assertionKind, EVAL_DATASET_SCHEMA_ID, evalAssertionSchema, evalDatasetJsonSchema } from "./eval-dataset.schema";

const message = (input: unknown) => {
  const parsed = evalAssertionSchema.safeParse(input);
  return parsed.success ? null : parsed.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("evalAssertionSchema", () => {
  it("accepts each kind", () => {
    for (const assertion of [{ max_length: 10 }, { contains: "a" }, { not_contains: "b" }, { is_json: true }, { regex: "^a", flags: "i" }, { regex: "b" }, { llm_judge: "polite" }]) {
      expect(message(assertion)).toBeNull();
    }
    expect(assertionKind({ regex: "x" })).toBe("regex");
    expect(assertionKind({ not_contains: "x" })).toBe("not_contains");
  });

  it("says what is wrong with the kind used", () => {
    expect(message({ max_length: "ten" })).toEqual([["", "max_length: Invalid input: expected number, received string"]]);
    expect(message({ max_length: -1 })).toEqual([["max_length", "Too small: expected number to be >=0"]]);
    expect(message({ contains: "a", ignore: true })).toEqual([["", 'Unrecognized key: "ignore"']]);
  });

  it("rejects a regular expression that does not compile, and unknown flags", () => {
    expect(message({ regex: "(unclosed" })).toEqual([["regex", expect.stringMatching(/^is not a valid regular expression: /)]]);
    expect(message({ regex: "a", flags: "x" })?.[0][0]).toBe("flags");
  });

  it("names the kinds when none or several are used", () => {
    expect(message({ maxlength: 3 })).toEqual([["", "an assertion has exactly one of max_length, contains, not_contains, is_json, regex, llm_judge"]]);
    expect(message({ contains: "a", not_contains: "b" })).toEqual([["", "an assertion has exactly one of max_length, contains, not_contains, is_json, regex, llm_judge (this one has contains and not_contains)"]]);
    expect(message("max_length: 3")?.[0][1]).toMatch(/^an assertion has exactly one of /);
  });
});

describe("evalDatasetJsonSchema", () => {
  it("publishes the validating definition as JSON Schema", () => {
    const schema = evalDatasetJsonSchema() as { $id: string; required: string[]; additionalProperties: boolean; properties: Record<string, { items?: { properties?: Record<string, unknown>; required?: string[] } }> };
    expect(schema.$id).toBe(EVAL_DATASET_SCHEMA_ID);
    expect(schema.required).toEqual(["name", "source", "metadata", "cases"]);
    expect(schema.additionalProperties).toBe(false);
    const caseSchema = schema.properties.cases.items!;
    expect(Object.keys(caseSchema.properties ?? {})).toEqual(["id", "variables", "assertions", "expected_output", "messages", "model", "convention", "trace_id", "span_id"]);
    expect(caseSchema.required).toEqual(["id", "variables"]);
    expect(JSON.stringify(schema)).toContain('"llm_judge"');
  });
});
