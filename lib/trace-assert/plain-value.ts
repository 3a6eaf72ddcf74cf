// The values an expression computes with, apart from the trace's own spans and events:
// attribute values after their tagged forms are unwrapped (see normalizeAttributeValue).

export type PlainValue = null | boolean | number | string | PlainValue[] | PlainRecord;

export interface PlainRecord {
  [key: string]: PlainValue;
}
