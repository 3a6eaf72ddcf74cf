import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locateJsonSyntaxError } from "./locate-json-syntax-error";

describe("locateJsonSyntaxError", () => {
  it.each([
    ['{"a":1,}', 7, "a '}' cannot follow ',': remove the trailing comma"],
    ["[1,2,]", 5, "a ']' cannot follow ',': remove the trailing comma"],
    ['{"a":1 "b":2}', 7, "expected ',' or '}' after a property value, found '\"'"],
    ["[1 2]", 3, "expected ',' or ']' after an array element, found '2'"],
    ["[1,2", 4, "the file ends inside an array: expected ',' or ']'"],
    ['{"a":', 5, "the file ends before the JSON is complete: expected a value (a string in double quotes, a number, true, false, null, an object or an array)"],
    ["{'a': 1}", 1, "expected a property name in double quotes, found \"'\" (JSON does not allow single quotes)"],
    ['{"a" 1}', 5, "expected ':' after the property name, found '1'"],
    ['{"a": tru}', 6, "expected a value (a string in double quotes, a number, true, false, null, an object or an array), found 'tru'"],
    ['{"a": NaN}', 6, "expected a value (a string in double quotes, a number, true, false, null, an object or an array), found 'NaN'"],
    ['{"a": "x\ny"}', 8, "a string runs past the end of its line: close it with '\"' or write the line break as \\n"],
    ['["\\x"]', 2, "invalid escape '\\x' in a string"],
    ['["\\u12"]', 2, "invalid \\u escape in a string: four hex digits must follow"],
    ['["abc', 1, "a string is never closed: '\"' missing"],
    ["[01]", 1, "a number cannot start with 0"],
    ["[1.]", 2, "invalid number: digits must follow '.' and the exponent"],
    ['{"a":1}\n{"b":2}', 8, "unexpected '{' after the end of the JSON value: a file holds one JSON document (JSON Lines files are read line by line)"],
    ["", 0, "the file holds no JSON value"],
  ])("%j → offset %i", (text, offset, reason) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonSyntaxError(text)).toEqual({ offset, reason });
  });

  it("finds an error within the text for any damaged JSON document", () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom("", ",", "}", "]", '"', ":", "x"), (json, cut, insert) => {
        const at = cut % (json.length + 1);
        const damaged = json.slice(0, at) + insert + json.slice(at + 1);
        let valid = true;
        try {
          JSON.parse(damaged);
        } catch {
          valid = false;
        }
        fc.pre(!valid);
        const { offset, reason } = locateJsonSyntaxError(damaged);
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(damaged.length);
        expect(reason).not.toBe("not valid JSON");
      }),
      { numRuns: 500 },
    );
  });

  it("copes with nesting deeper than the call stack", () => {
    const deep = `${"[".repeat(200_000)}}`;
    expect(locateJsonSyntaxError(deep)).toEqual({ offset: 200_000, reason: expect.stringContaining("found '}'") });
  });
});
