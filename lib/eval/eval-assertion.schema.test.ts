import { describe, expect, it } from "vitest";
import { ASSERTION_TYPE_NAMES, evalAssertionSchema, type EvalAssertion } from "./eval-assertion.schema";

const parse = (input: unknown): EvalAssertion => evalAssertionSchema.parse(input);
const problems = (input: unknown) => {
  const parsed = evalAssertionSchema.safeParse(input);
  return parsed.success ? null : parsed.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("evalAssertionSchema, {type, value} form", () => {
  it("loads each type toad-eye writes as it writes it", () => {
    expect(parse({ type: "max_length", value: 1500 })).toEqual({ type: "max_length", value: 1500 });
    expect(parse({ type: "not_contains", value: "i cannot" })).toEqual({ type: "not_contains", value: "i cannot" });
    expect(parse({ type: "is_json", value: true })).toEqual({ type: "is_json", value: true });
  });

  it("loads every type, in promptfoo's hyphenated spelling too, under its underscored name", () => {
    const value = (type: string) => (type === "max_length" ? 3 : type.endsWith("json") ? true : "x");
    for (const type of ASSERTION_TYPE_NAMES) {
      const loaded = parse({ type, value: value(type) });
      expect(parse({ type: type.replaceAll("_", "-"), value: value(type) }), type).toEqual(loaded);
    }
    expect(ASSERTION_TYPE_NAMES).toEqual(expect.arrayContaining(["contains", "icontains", "not_icontains", "equals", "starts_with", "regex", "not_regex", "is_json", "contains_json", "llm_judge"]));
  });

  it("reads promptfoo's valueless is-json and its not- forms as is_json true or false", () => {
    expect(parse({ type: "is-json" })).toEqual({ type: "is_json", value: true });
    expect(parse({ type: "not-is-json" })).toEqual({ type: "is_json", value: false });
    expect(parse({ type: "not_contains_json" })).toEqual({ type: "contains_json", value: false });
  });

  it("keeps regex flags and reads a number as its text, as promptfoo does", () => {
    expect(parse({ type: "regex", value: "^a", flags: "i" })).toEqual({ type: "regex", value: "^a", flags: "i" });
    expect(parse({ type: "regex", value: "^a" })).toEqual({ type: "regex", value: "^a" });
    expect(parse({ type: "contains", value: 1042 })).toEqual({ type: "contains", value: "1042" });
  });

  it("names the types when one is unknown or missing, at the type itself", () => {
    expect(problems({ type: "maxlength", value: 3 })).toEqual([["type", `"maxlength" is not an assertion type: use one of ${ASSERTION_TYPE_NAMES.join(", ")}`]]);
    expect(problems({ type: "Contains", value: "x" })?.[0][1]).toMatch(/^"Contains" is not an assertion type: use one of max_length, contains, /);
    expect(problems({ value: "x" })?.[0]).toEqual(["type", expect.stringMatching(/^is missing: use one of /)]);
    expect(problems({ type: 3, value: "x" })?.[0]).toEqual(["type", expect.stringMatching(/^must be a string: use one of /)]);
  });

  it("says what is wrong with the value, at the value", () => {
    expect(problems({ type: "max_length", value: "many" })).toEqual([["value", "Invalid input: expected number, received string"]]);
    expect(problems({ type: "max_length", value: -1 })).toEqual([["value", "Too small: expected number to be >=0"]]);
    expect(problems({ type: "contains", value: "" })).toEqual([["value", "must not be empty"]]);
    expect(problems({ type: "contains" })?.[0][0]).toBe("value");
    expect(problems({ type: "regex", value: "(unclosed" })).toEqual([["value", expect.stringMatching(/^is not a valid regular expression: /)]]);
    expect(problems({ type: "regex", value: "a", flags: "x" })?.[0][0]).toBe("flags");
    expect(problems({ type: "contains", value: "a", flags: "i" })).toEqual([["", 'Unrecognized key: "flags"']]);
  });
});

describe("evalAssertionSchema, the older one-key form", () => {
  it("loads each key with the meaning it had: contains and not_contains ignored case", () => {
    expect(parse({ max_length: 44 })).toEqual({ type: "max_length", value: 44 });
    expect(parse({ contains: "Friday" })).toEqual({ type: "icontains", value: "Friday" });
    expect(parse({ not_contains: "i cannot" })).toEqual({ type: "not_icontains", value: "i cannot" });
    expect(parse({ is_json: true })).toEqual({ type: "is_json", value: true });
    expect(parse({ regex: "^a", flags: "i" })).toEqual({ type: "regex", value: "^a", flags: "i" });
    expect(parse({ llm_judge: "polite" })).toEqual({ type: "llm_judge", value: "polite" });
  });

  it("says what is wrong with the key used", () => {
    expect(problems({ max_length: "ten" })).toEqual([["max_length", "Invalid input: expected number, received string"]]);
    expect(problems({ max_length: -1 })).toEqual([["max_length", "Too small: expected number to be >=0"]]);
    expect(problems({ contains: "a", ignore: true })).toEqual([["", 'Unrecognized key: "ignore"']]);
    expect(problems({ contains: "" })).toEqual([["contains", "Too small: expected string to have >=1 characters"]]);
    expect(problems({ regex: "(unclosed" })).toEqual([["regex", expect.stringMatching(/^is not a valid regular expression: /)]]);
  });

  it("says what an assertion is when neither form fits", () => {
    const what = `an assertion is "type: <${ASSERTION_TYPE_NAMES.join(" | ")}>" with its "value", or in the older form exactly one of max_length, contains, not_contains, is_json, regex, llm_judge`;
    expect(problems({ maxlength: 3 })).toEqual([["", what]]);
    expect(problems({ contains: "a", not_contains: "b" })).toEqual([["", `${what} (this one has contains and not_contains)`]]);
    expect(problems("max_length: 3")).toEqual([["", what]]);
  });
});
