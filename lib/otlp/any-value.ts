// OTLP's AnyValue as a tagged union: the exact wire value, used where the encoding of
// attribute values must be checked or reversed (see encode/decode-attribute-value.ts).

export type AnyValue =
  | { type: "empty" }
  | { type: "string"; value: string }
  | { type: "bool"; value: boolean }
  /** int64: the full signed 64-bit range. */
  | { type: "int"; value: bigint }
  | { type: "double"; value: number }
  | { type: "bytes"; value: Uint8Array }
  | { type: "array"; values: AnyValue[] }
  /** Keys are unique, as OTLP requires; order is not significant. */
  | { type: "kvlist"; values: { key: string; value: AnyValue }[] };
