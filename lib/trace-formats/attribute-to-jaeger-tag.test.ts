import { describe, expect, it } from "vitest";
import type { AttributeValue } from "../otlp/span";
import { attributeToJaegerTag } from "./attribute-to-jaeger-tag";
import type { JaegerKeyValue } from "./jaeger-json";

describe("attributeToJaegerTag", () => {
  it.each<[AttributeValue, JaegerKeyValue]>([
    ["s", { key: "k", type: "string", value: "s" }],
    [true, { key: "k", type: "bool", value: true }],
    [7, { key: "k", type: "int64", value: 7 }],
    [{ $int: "-9223372036854775808" }, { key: "k", type: "int64", value: "-9223372036854775808" }],
    [0.5, { key: "k", type: "float64", value: 0.5 }],
    [{ $double: 3 }, { key: "k", type: "float64", value: 3 }],
    [{ $double: "Infinity" }, { key: "k", type: "float64", value: "Infinity" }],
    [{ $bytes: "AAAwOQ==" }, { key: "k", type: "binary", value: "AAAwOQ==" }],
    [null, { key: "k", type: "string", value: "" }],
    [["a", 1], { key: "k", type: "string", value: '["a",1]' }],
    [{ b: 1, a: "x" }, { key: "k", type: "string", value: '{"a":"x","b":1}' }],
  ])("%j", (attribute, tag) => {
    expect(attributeToJaegerTag("k", attribute)).toEqual(tag);
  });
});
