import { describe, expect, it } from "vitest";
import { formatGoJson, quoteGoString } from "./format-go-json";

describe("formatGoJson", () => {
  it("writes values as Go's encoding/json does", () => {
    expect(
      formatGoJson({
        type: "kvlist",
        values: [
          { key: "b", value: { type: "array", values: [{ type: "int", value: 9007199254740993n }, { type: "double", value: 1e-7 }, { type: "empty" }] } },
          { key: "a", value: { type: "bytes", value: new Uint8Array([0, 0, 48, 57]) } },
          { key: "c", value: { type: "double", value: -0 } },
        ],
      }),
    ).toBe('{"a":"AAAwOQ==","b":[9007199254740993,1e-7,null],"c":-0}');
    expect(formatGoJson({ type: "double", value: 1e21 })).toBe("1e+21");
    expect(formatGoJson({ type: "double", value: Number.NaN })).toBe('"NaN"');
  });
});

describe("quoteGoString", () => {
  it("escapes HTML characters, control characters, line separators and lone surrogates", () => {
    expect(quoteGoString('<a href="x">&</a>')).toBe('"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"');
    expect(quoteGoString("\t\n\r\b\f\u0001\\")).toBe('"\\t\\n\\r\\b\\f\\u0001\\\\"');
    expect(quoteGoString("\u2028\u2029")).toBe('"\\u2028\\u2029"');
    expect(quoteGoString("😀\ud800x")).toBe('"😀\ufffdx"');
  });
});
