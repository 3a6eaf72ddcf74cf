import { describe, expect, it } from "vitest";
import { lineAndColumn, parseJsonText } from "./parse-json-text";

describe("parseJsonText", () => {
  it("parses JSON, with or without a byte-order mark", () => {
    expect(parseJsonText('{"a": [1]}')).toEqual({ ok: true, value: { a: [1] } });
    expect(parseJsonText('\ufeff{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it("gives the line and column of a syntax error, counted from 1", () => {
    expect(parseJsonText('{\n  "a": 1,\n  "b": [1, 2,]\n}')).toEqual({ ok: false, line: 3, column: 14, reason: "a ']' cannot follow ',': remove the trailing comma" });
    expect(parseJsonText("\r\n[1,")).toMatchObject({ ok: false, line: 2, column: 4 });
  });
});

describe("lineAndColumn", () => {
  it("counts lines by \\n", () => {
    expect(lineAndColumn("ab\ncd\nef", 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn("ab\ncd\nef", 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn("ab\ncd\nef", 8)).toEqual({ line: 3, column: 3 });
  });
});
