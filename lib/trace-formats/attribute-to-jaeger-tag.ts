// A Flowprint attribute → a Jaeger tag, as the Collector's attributeToJaegerProtoTag types it
// and Jaeger's UI model writes it to JSON.
import { decodeAttributeValue } from "../otlp/decode-attribute-value";
import { encodeBase64 } from "../otlp/encode-base64";
import type { AttributeValue } from "../otlp/span";
import { formatGoJson } from "./format-go-json";
import type { JaegerKeyValue } from "./jaeger-json";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function attributeToJaegerTag(key: string, attribute: AttributeValue): JaegerKeyValue {
  const value = decodeAttributeValue(attribute);
  switch (value.type) {
    case "string":
      return { key, type: "string", value: value.value };
    case "bool":
      return { key, type: "bool", value: value.value };
    case "int":
      // Jaeger writes an int64 JavaScript would round as its decimal text.
      return { key, type: "int64", value: value.value >= -MAX_SAFE && value.value <= MAX_SAFE ? Number(value.value) : value.value.toString() };
    case "double":
      return { key, type: "float64", value: Number.isFinite(value.value) ? value.value : String(value.value) };
    case "bytes":
      return { key, type: "binary", value: encodeBase64(value.value) };
    case "empty":
      return { key, type: "string", value: "" };
    case "array":
    case "kvlist":
      return { key, type: "string", value: formatGoJson(value) };
  }
}
