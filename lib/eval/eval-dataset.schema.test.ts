import { describe, expect, it } from "vitest";
import { EVAL_DATASET_SCHEMA_ID, evalDatasetJsonSchema } from "./eval-dataset.schema";

describe("evalDatasetJsonSchema", () => {
  it("publishes the validating definition as JSON Schema", () => {
    const schema = evalDatasetJsonSchema() as { $id: string; required: string[]; additionalProperties: boolean; properties: Record<string, { items?: { properties?: Record<string, unknown>; required?: string[] } }> };
    expect(schema.$id).toBe(EVAL_DATASET_SCHEMA_ID);
    expect(schema.required).toEqual(["name", "source", "metadata", "cases"]);
    expect(schema.additionalProperties).toBe(false);
    const caseSchema = schema.properties.cases.items!;
    expect(Object.keys(caseSchema.properties ?? {})).toEqual(["id", "variables", "assertions", "expected_output", "messages", "model", "convention", "trace_id", "span_id"]);
    expect(caseSchema.required).toEqual(["id", "variables"]);
  });

  it("states both assertion forms, every type in both spellings", () => {
    const text = JSON.stringify(evalDatasetJsonSchema());
    for (const name of ['"llm_judge"', '"not_icontains"', '"not-icontains"', '"starts-with"', '"contains_json"']) expect(text).toContain(name);
    // The one-key form: its keys are properties.
    expect(text).toContain('"not_contains":{"type":"string"');
  });
});
