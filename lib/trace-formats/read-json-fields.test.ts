import { describe, expect, it } from "vitest";
import { childPath, describeJson, FieldError, readMicros, readOptionalArray } from "./read-json-fields";

describe("childPath", () => {
  it("writes paths as jq reads them", () => {
    expect(childPath("", "data")).toBe("data");
    expect(childPath("data", 0)).toBe("data[0]");
    expect(childPath("data[0]", "spans")).toBe("data[0].spans");
    expect(childPath("", 3)).toBe("[3]");
    expect(childPath("processes", "p 1")).toBe('processes["p 1"]');
    expect(childPath("tags", "http.method")).toBe('tags["http.method"]');
  });
});

describe("describeJson", () => {
  it("names values briefly and never dumps a long one", () => {
    expect([describeJson(undefined), describeJson(null), describeJson(1.5), describeJson(false), describeJson([]), describeJson({})]).toEqual([
      "nothing",
      "null",
      "the number 1.5",
      "false",
      "an array",
      "an object",
    ]);
    expect(describeJson("x".repeat(100))).toBe(`the string "${"x".repeat(40)}…"`);
  });
});

describe("readMicros", () => {
  it("takes whole non-negative numbers and decimal strings", () => {
    expect(readMicros(1700000000123456, "t")).toBe(1700000000123456n);
    expect(readMicros("1700000000123456", "t")).toBe(1700000000123456n);
  });

  it.each([[-1], [1.5], ["1e6"], [null], [undefined], [2 ** 53]])("refuses %j with the path", (value) => {
    expect(() => readMicros(value, "spans[0].startTime")).toThrow(FieldError);
  });
});

describe("readOptionalArray", () => {
  it("reads null and missing as empty", () => {
    expect(readOptionalArray(null, "x")).toEqual([]);
    expect(readOptionalArray(undefined, "x")).toEqual([]);
    expect(() => readOptionalArray("a", "x")).toThrow('must be an array, not the string "a".');
  });
});
