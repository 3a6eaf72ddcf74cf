import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inferJsonSchema, inferJsonSchemaFromSamples, mergeJsonSchemas, type JsonSchema } from "./infer-json-schema";

// A real JSON Schema 2020-12 validator checks that every sample satisfies its inferred schema.
// The project's top-level `ajv` is ESLint's ajv 6, which has no 2020-12 support; ajv-formats
// (installed with the OpenAPI validator) brings ajv 8 and must be paired with the ajv it
// resolves, so ajv is loaded from beside it.
interface CompiledSchema {
  (data: unknown): boolean;
  errors?: unknown;
}
interface SchemaValidator {
  compile(schema: object): CompiledSchema;
}
const require = createRequire(import.meta.url);
const requireBesideFormats = createRequire(require.resolve("ajv-formats"));
const Ajv2020 = (requireBesideFormats("ajv/dist/2020") as { default: new (options: object) => SchemaValidator }).default;
const addFormats = (require("ajv-formats") as { default: (ajv: SchemaValidator) => void }).default;

function newValidator(): SchemaValidator {
  // strict: an unknown keyword or a malformed schema fails the compile. Type lists are how
  // mixed positions are written, so they are allowed. ownProperties: without it ajv reads an
  // inherited `constructor` as a present member.
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, ownProperties: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}
const validator = newValidator();

function expectSamplesSatisfy(samples: readonly unknown[], schema: JsonSchema | null = inferJsonSchemaFromSamples(samples)): void {
  expect(schema).not.toBeNull();
  const validate = validator.compile(schema as JsonSchema);
  for (const sample of samples) {
    // The message is built only on failure: a deeply nested sample cannot be stringified.
    if (!validate(sample)) expect.fail(`${JSON.stringify(sample)} against ${JSON.stringify(schema)}: ${JSON.stringify(validate.errors)}`);
  }
}

function withoutExamples(schema: JsonSchema | null): JsonSchema | null {
  if (schema === null) return null;
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "examples"));
}

describe("inferJsonSchema", () => {
  it.each<[string, unknown, JsonSchema]>([
    ["null", null, { type: "null" }],
    ["a boolean", false, { type: "boolean" }],
    ["an integer", 0, { type: "integer" }],
    ["an integral float written as such", 2.0, { type: "integer" }],
    ["a fraction", 1.5, { type: "number" }],
    ["a plain string", "hello", { type: "string" }],
    ["an empty array", [], { type: "array" }],
    ["an empty object", {}, { type: "object", properties: {} }],
  ])("describes %s", (_, value, expected) => {
    expect(inferJsonSchema(value)).toEqual(expected);
  });

  it("lists an object's properties sorted, all required", () => {
    const schema = inferJsonSchema({ zeta: 1, alpha: "a", mid: null });
    expect(schema).toEqual({
      type: "object",
      properties: { alpha: { type: "string" }, mid: { type: "null" }, zeta: { type: "integer" } },
      required: ["alpha", "mid", "zeta"],
    });
    expect(Object.keys(schema.properties as object)).toEqual(["alpha", "mid", "zeta"]);
  });

  it("merges an array's elements into one items schema", () => {
    expect(inferJsonSchema([1, 2.5, null])).toEqual({ type: "array", items: { type: ["null", "number"] } });
  });

  it("keeps members named like Object.prototype properties as members", () => {
    const value = JSON.parse('{"__proto__": {"x": 1}, "constructor": "c"}') as unknown;
    const schema = inferJsonSchema(value);
    expect(Object.keys(schema.properties as object)).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(schema.properties)).toBe(Object.prototype);
    expect(schema.required).toEqual(["__proto__", "constructor"]);
    // The other side has no "constructor" member: it must not find Object.prototype.constructor.
    const merged = mergeJsonSchemas(inferJsonSchema({ a: 1 }), schema);
    expect((merged.properties as Record<string, JsonSchema>).constructor).toEqual({ type: "string" });
    expectSamplesSatisfy([value, { a: 1 }]);
  });
});

describe("string formats", () => {
  it.each<[string, string]>([
    ["uuid", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"],
    ["uuid", "3F2504E0-4F89-11D3-9A0C-0305E82C3301"],
    ["date-time", "2024-02-29T23:59:59Z"],
    ["date-time", "2024-06-01T10:15:30.123+02:00"],
    ["date-time", "2024-06-01t10:15:30-05:30"],
    ["date", "2024-02-29"],
    ["email", "jane.doe+shop@example.co.uk"],
    ["uri", "https://example.com/orders/1?expand=items#top"],
    ["uri", "http://localhost:8080/"],
  ])("detects %s in %s", (format, text) => {
    expect(inferJsonSchema(text)).toEqual({ type: "string", format });
    expectSamplesSatisfy([text]);
  });

  it.each([
    "3f2504e0-4f89-11d3-9a0c-0305e82c330", // one digit short
    "2023-02-29", // not a leap year
    "2024-13-01",
    "2024-06-01T10:15:30", // RFC 3339 requires an offset
    "2024-06-01 10:15:30Z", // space separator: not RFC 3339's T
    "2024-06-01T24:00:00Z",
    "jane@", // no domain
    "jane..doe@example.com",
    "ftp://example.com/file", // only http and https count as uri
    "/orders/1", // relative
    "https://example.com/a b", // raw space
    "https://exämple.com/", // raw non-ASCII
    "",
  ])("claims no format for %j", (text) => {
    expect(inferJsonSchema(text)).toEqual({ type: "string" });
  });

  it("keeps a format only while every string at that position has it", () => {
    const id = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    expect(inferJsonSchemaFromSamples([{ id }, { id: "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d" }])?.properties).toEqual({
      id: { type: "string", format: "uuid" },
    });
    // The other side lacks it:
    expect(inferJsonSchemaFromSamples([{ id }, { id: "legacy-7" }])?.properties).toEqual({ id: { type: "string" } });
    // The other side has another format:
    expect(inferJsonSchemaFromSamples([{ id }, { id: "2024-01-01" }])?.properties).toEqual({ id: { type: "string" } });
    // Inside arrays, element by element:
    expect(inferJsonSchema(["2024-01-01", "2024-01-02"])).toEqual({ type: "array", items: { type: "string", format: "date" } });
    expect(inferJsonSchema(["2024-01-01", "soon"])).toEqual({ type: "array", items: { type: "string" } });
  });

  it("keeps a format when the other side has no strings at all", () => {
    expect(mergeJsonSchemas(inferJsonSchema("a@example.com"), inferJsonSchema(null))).toEqual({
      type: ["null", "string"],
      format: "email",
    });
    expectSamplesSatisfy(["a@example.com", null]);
  });

  it("drops a format when merged with a mixed type that has plain strings", () => {
    const mixed = mergeJsonSchemas({ type: "string" }, { type: "integer" });
    expect(mergeJsonSchemas(mixed, { type: "string", format: "uuid" })).toEqual({ type: ["integer", "string"] });
  });
});

describe("mergeJsonSchemas", () => {
  it("folds integer into number", () => {
    expect(mergeJsonSchemas({ type: "integer" }, { type: "number" })).toEqual({ type: "number" });
    expect(mergeJsonSchemas({ type: ["integer", "null"] }, { type: "number" })).toEqual({ type: ["null", "number"] });
    expect(inferJsonSchemaFromSamples([{ price: 10 }, { price: 9.99 }])?.properties).toEqual({ price: { type: "number" } });
  });

  it("lists different types sorted and deduplicated", () => {
    expect(mergeJsonSchemas({ type: "string" }, { type: "boolean" })).toEqual({ type: ["boolean", "string"] });
    expect(mergeJsonSchemas({ type: ["string", "null"] }, { type: ["null", "boolean"] })).toEqual({ type: ["boolean", "null", "string"] });
    expect(mergeJsonSchemas({ type: "string" }, { type: "string" })).toEqual({ type: "string" });
  });

  it("unions properties and requires only the keys present in every object", () => {
    const a = inferJsonSchema({ id: 1, name: "a", tags: ["x"] });
    const b = inferJsonSchema({ id: 2, email: "b@example.com", name: null });
    const expected = {
      type: "object",
      properties: {
        email: { type: "string", format: "email" },
        id: { type: "integer" },
        name: { type: ["null", "string"] },
        tags: { type: "array", items: { type: "string" } },
      },
      required: ["id", "name"],
    };
    expect(mergeJsonSchemas(a, b)).toEqual(expected);
    // Commutative, down to the order of keys in the output.
    expect(JSON.stringify(mergeJsonSchemas(b, a))).toBe(JSON.stringify(mergeJsonSchemas(a, b)));
  });

  it("is commutative over many sample orders", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { minLength: 1, maxLength: 6 }), (samples) => {
        const forward = withoutExamples(inferJsonSchemaFromSamples(samples));
        const backward = withoutExamples(inferJsonSchemaFromSamples([...samples].reverse()));
        expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it("keeps an object's properties when merged with another type", () => {
    const schema = inferJsonSchemaFromSamples([{ id: 1 }, "gone", null]);
    expect(withoutExamples(schema)).toEqual({
      type: ["null", "object", "string"],
      properties: { id: { type: "integer" } },
      required: ["id"],
    });
    expectSamplesSatisfy([{ id: 1 }, "gone", null]);
  });

  it("lets empty arrays take the items of non-empty ones", () => {
    const schema = inferJsonSchemaFromSamples([{ lines: [] }, { lines: [{ sku: "a", qty: 1 }] }, { lines: [] }]);
    expect((schema?.properties as Record<string, JsonSchema>).lines).toEqual({
      type: "array",
      items: { type: "object", properties: { qty: { type: "integer" }, sku: { type: "string" } }, required: ["qty", "sku"] },
    });
    expect(inferJsonSchemaFromSamples([[], []])).toEqual({ type: "array", examples: [[]] });
  });

  it("merges nested arrays of objects element by element and sample by sample", () => {
    const samples = [
      { orders: [{ id: 1, lines: [{ sku: "a" }, { sku: "b", note: "gift" }] }] },
      { orders: [{ id: 2.5, lines: [] }, { id: 3, lines: [{ sku: "c", qty: 2 }], coupon: null }] },
    ];
    const schema = inferJsonSchemaFromSamples(samples);
    expect(withoutExamples(schema)).toEqual({
      type: "object",
      properties: {
        orders: {
          type: "array",
          items: {
            type: "object",
            properties: {
              coupon: { type: "null" },
              id: { type: "number" },
              lines: {
                type: "array",
                items: {
                  type: "object",
                  properties: { note: { type: "string" }, qty: { type: "integer" }, sku: { type: "string" } },
                  required: ["sku"],
                },
              },
            },
            required: ["id", "lines"],
          },
        },
      },
      required: ["orders"],
    });
    expectSamplesSatisfy(samples, schema);
  });

  it("accepts anything once either side accepts anything", () => {
    expect(mergeJsonSchemas({}, { type: "string", format: "uuid" })).toEqual({});
    expect(mergeJsonSchemas({ type: "object", properties: { a: { type: "string" } } }, { type: "object" })).toEqual({ type: "object" });
  });

  it("keeps the examples of the first schema", () => {
    expect(mergeJsonSchemas({ type: "integer", examples: [1] }, { type: "integer", examples: [2] })).toEqual({ type: "integer", examples: [1] });
    expect(mergeJsonSchemas({ type: "integer" }, { type: "integer", examples: [2] })).toEqual({ type: "integer", examples: [2] });
  });
});

describe("inferJsonSchemaFromSamples", () => {
  it("is null for no samples", () => {
    expect(inferJsonSchemaFromSamples([])).toBeNull();
  });

  it("puts the first sample, as JSON, in examples", () => {
    const first = { id: 1, name: "a" };
    expect(inferJsonSchemaFromSamples([first, { id: 2 }])).toEqual({
      type: "object",
      properties: { id: { type: "integer" }, name: { type: "string" } },
      required: ["id"],
      examples: [first],
    });
    expect(inferJsonSchemaFromSamples([false])).toEqual({ type: "boolean", examples: [false] });
  });

  it("leaves the example out when its JSON is larger than maxExampleBytes, counted in UTF-8", () => {
    const big = { text: "x".repeat(3000) };
    expect(inferJsonSchemaFromSamples([big])?.examples).toBeUndefined();
    expect(inferJsonSchemaFromSamples([{ text: "x".repeat(2000) }])?.examples).toHaveLength(1);
    // '"éé"' is 4 characters and 6 bytes.
    expect(inferJsonSchemaFromSamples(["éé"], { maxExampleBytes: 6 })?.examples).toEqual(["éé"]);
    expect(inferJsonSchemaFromSamples(["éé"], { maxExampleBytes: 5 })?.examples).toBeUndefined();
  });

  it("bounds the depth it looks into, so a hostile body cannot exhaust the stack", () => {
    let nested: unknown = "leaf";
    for (let level = 0; level < 20_000; level++) nested = level % 2 === 0 ? { child: nested } : [nested];
    const schema = inferJsonSchemaFromSamples([nested, nested], { maxExampleBytes: 0 }) as JsonSchema;
    let depth = 0;
    let node: JsonSchema | undefined = schema;
    while (node !== undefined) {
      depth++;
      node = (node.items as JsonSchema | undefined) ?? ((node.properties as Record<string, JsonSchema> | undefined)?.child);
    }
    expect(depth).toBeGreaterThan(30);
    expect(depth).toBeLessThan(40);
    expect(mergeJsonSchemas(schema, schema)).toEqual(schema);
    expectSamplesSatisfy([nested], schema);
  });

  it("gives schemas every sample satisfies, for realistic bodies", () => {
    const samples = [
      {
        id: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        createdAt: "2024-06-01T10:15:30.123Z",
        customer: { email: "jane@example.com", website: "https://jane.example.com", birthday: "1990-04-01" },
        items: [{ sku: "A-1", qty: 2, price: 9.5 }],
        tags: [],
        paid: true,
        coupon: null,
      },
      {
        id: "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d",
        createdAt: "2024-06-02T08:00:00+02:00",
        customer: { email: "bob@example.org" },
        items: [{ sku: "B-2", qty: 1, price: 12 }, { sku: "C-3", qty: 5, price: 1.25, gift: true }],
        tags: ["vip", 7],
        paid: false,
        coupon: "SUMMER",
      },
      [1, "two", { three: 3 }],
      "plain",
      42,
      null,
    ];
    expectSamplesSatisfy(samples);
  });

  it("gives schemas every sample satisfies, for generated JSON with format-like strings", () => {
    const formatted = fc.oneof(
      fc.uuid(),
      fc.emailAddress(),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    );
    const value = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.jsonValue({ maxDepth: 1 }),
        formatted,
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.constantFrom("id", "at", "email", "url", "n", "list"), tie("value"), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 5 }), (samples) => {
        expectSamplesSatisfy(samples);
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
