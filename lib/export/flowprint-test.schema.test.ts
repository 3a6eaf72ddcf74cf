import { describe, expect, it } from "vitest";
import { FLOWPRINT_TEST_SCHEMA_ID, flowprintTestJsonSchema } from "./flowprint-test.schema";

describe("flowprintTestJsonSchema", () => {
  it("publishes the validating definition as JSON Schema", () => {
    const schema = flowprintTestJsonSchema() as { $id: string; type: string; required: string[]; properties: Record<string, { properties?: Record<string, unknown> }>; additionalProperties: boolean };
    expect(schema.$id).toBe(FLOWPRINT_TEST_SCHEMA_ID);
    expect(schema.type).toBe("object");
    expect(schema.required).toEqual(expect.arrayContaining(["version", "name", "trigger"]));
    expect(schema.required).not.toContain("steps");
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.trigger.properties ?? {})).toEqual(["id", "name", "method", "url", "headers", "body", "expect"]);
    expect(Object.keys(schema.properties.expect_trace.properties ?? {})).toEqual(["timeout_ms", "nodes", "trace_assert"]);
  });
});
