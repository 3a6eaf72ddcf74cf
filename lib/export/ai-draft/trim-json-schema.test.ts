import { describe, expect, it } from "vitest";
import { trimJsonSchema } from "./trim-json-schema";

describe("trimJsonSchema", () => {
  it("keeps the shape to the depth limit and drops examples", () => {
    const schema = {
      type: "object",
      examples: [{ a: 1 }],
      required: ["a", "deep"],
      properties: { a: { type: "integer", examples: [1] }, deep: { type: "object", properties: { b: { type: "object", properties: { c: { type: "string" } } } } } },
    };
    expect(trimJsonSchema(schema, { maxDepth: 2, maxProperties: 20, maxEnum: 10 })).toEqual({
      type: "object",
      required: ["a", "deep"],
      properties: { a: { type: "integer" }, deep: { type: "object", properties: { b: { type: "object" } } } },
    });
  });

  it("counts the properties and enum values it leaves out", () => {
    const properties = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`f${i}`, { type: "string" }]));
    const trimmed = trimJsonSchema({ type: "object", properties, required: ["f0", "f24"] }, { maxDepth: 3, maxProperties: 20, maxEnum: 2 });
    expect(Object.keys(trimmed.properties as object)).toHaveLength(20);
    expect(trimmed["x-omitted-properties"]).toBe(5);
    expect(trimmed.required).toEqual(["f0"]);
    expect(trimJsonSchema({ type: "string", enum: ["a", "b", "c"] }, { maxDepth: 3, maxProperties: 20, maxEnum: 2 })).toEqual({ type: "string", enum: ["a", "b"] });
  });
});
