import { describe, expect, it } from "vitest";
import { readJaegerTag } from "./read-jaeger-tag";

const read = (type: string | undefined, value: unknown) => readJaegerTag({ key: "k", type, value }, "tags[0]").value;

describe("readJaegerTag", () => {
  it("maps each Jaeger value type to its OTLP AnyValue", () => {
    expect(read("string", "v")).toEqual({ stringValue: "v" });
    expect(read("bool", true)).toEqual({ boolValue: true });
    expect(read("int64", 42)).toEqual({ intValue: "42" });
    expect(read("int64", "-9223372036854775808")).toEqual({ intValue: "-9223372036854775808" });
    expect(read("float64", 72.5)).toEqual({ doubleValue: 72.5 });
    expect(read("binary", "AAAwOQ==")).toEqual({ bytesValue: "AAAwOQ==" });
  });

  it("reads what is unambiguous leniently: bool text, numeric text, any case of the type, base64url", () => {
    expect(read("bool", "True")).toEqual({ boolValue: true });
    expect(read("BOOL", "false")).toEqual({ boolValue: false });
    expect(read("float64", "NaN")).toEqual({ doubleValue: "NaN" });
    expect(read("float64", "1.5")).toEqual({ doubleValue: 1.5 });
    expect(read("string", 12)).toEqual({ stringValue: "12" });
    expect(read("binary", "-_8")).toEqual({ bytesValue: "+/8=" });
  });

  it("infers the type from the value when the type is missing or unknown", () => {
    expect(read(undefined, "s")).toEqual({ stringValue: "s" });
    expect(read("int", 3)).toEqual({ intValue: "3" });
    expect(read(undefined, 0.5)).toEqual({ doubleValue: 0.5 });
    expect(read(undefined, false)).toEqual({ boolValue: false });
  });

  it.each([
    ["int64", "9223372036854775808", "must be a 64-bit integer"],
    ["int64", 1.5, "must be a 64-bit integer"],
    ["bool", "yes", "must be true or false"],
    ["float64", "", "must be a number"],
    ["binary", "***", "must be base64 text (a binary tag)"],
    [undefined, { a: 1 }, "must be a string, number or boolean"],
    ["string", null, "must be a string"],
  ])("refuses a %s tag with value %j", (type, value, message) => {
    expect(() => read(type, value)).toThrow(message);
  });

  it("requires a string key", () => {
    expect(() => readJaegerTag({ type: "string", value: "v" }, "tags[2]")).toThrow("is missing; it must be a string.");
  });
});
