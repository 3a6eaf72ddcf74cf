// Jaeger and Zipkin write ids as hex of up to 16 (span) or 32 (trace) digits and drop leading
// zeros or the high half of 64-bit trace ids; OTLP needs exactly 16 or 32 lowercase digits.
// Both projects pad on the left when they read ids back (Jaeger's TraceIDFromString, Zipkin's
// normalizeTraceId), and so does this.
import { FieldError, fail } from "./read-json-fields";

const HEX = /^[0-9a-fA-F]+$/;
const ZEROS = /^0+$/;

export type IdKind = "trace id" | "span id";

/** The id padded to `length` lowercase digits, or undefined when it is not hex of at most that length. */
export function padHexId(text: string, length: 16 | 32): string | undefined {
  if (text.length === 0 || text.length > length || !HEX.test(text)) return undefined;
  return text.toLowerCase().padStart(length, "0");
}

/** A present, valid, non-zero id; throws a FieldError naming `path` otherwise. */
export function readHexId(value: unknown, path: string, kind: IdKind): string {
  const length = kind === "trace id" ? 32 : 16;
  const id = typeof value === "string" ? padHexId(value, length) : undefined;
  if (id === undefined) fail(path, `a ${kind} of up to ${length} hex digits`, value);
  if (ZEROS.test(id)) throw new FieldError(path, `is all zeros, which is not a valid ${kind}.`);
  return id;
}
