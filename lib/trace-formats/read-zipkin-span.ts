// One Zipkin v2 span from JSON, checked and cleaned the way Zipkin's own reader and UI clean
// it (zipkin2.Span.Builder, zipkin-lens span-cleaner.js): ids padded on the left, a parent
// equal to the span's own id dropped, "unknown" or empty names treated as absent, shared
// cleared on a client span, annotations sorted by time and deduplicated.
import { padHexId, readHexId } from "./read-hex-id";
import { FieldError, childPath, fail, isJsonObject, readMicros, readObject, readOptionalArray, readOptionalString } from "./read-json-fields";

export type ZipkinKind = "CLIENT" | "SERVER" | "PRODUCER" | "CONSUMER";

export interface ZipkinEndpoint {
  serviceName?: string;
  ipv4?: string;
  ipv6?: string;
  port?: number;
}

export interface ZipkinAnnotation {
  /** Microseconds since the epoch. */
  timestamp: bigint;
  value: string;
}

export interface ZipkinSpan {
  /** 32 lowercase hex digits (64-bit ids padded). */
  traceId: string;
  /** 16 lowercase hex digits. */
  id: string;
  parentId?: string;
  kind?: ZipkinKind;
  name?: string;
  /** Microseconds since the epoch; absent when the JSON had none or 0. */
  timestamp?: bigint;
  duration?: bigint;
  localEndpoint?: ZipkinEndpoint;
  remoteEndpoint?: ZipkinEndpoint;
  annotations: ZipkinAnnotation[];
  /** In the order written. */
  tags: Map<string, string>;
  shared: boolean;
  /** Where the span (its first piece, once merged) is in the file, for problems. */
  path: string;
  /** Its position in the file, so converted spans keep the file's order. */
  order: number;
}

const KINDS: readonly string[] = ["CLIENT", "SERVER", "PRODUCER", "CONSUMER"] satisfies ZipkinKind[];
const ZEROS = /^0+$/;

export function readZipkinSpan(raw: unknown, path: string, order: number): ZipkinSpan {
  const o = readObject(raw, path);
  const traceId = readHexId(o.traceId, childPath(path, "traceId"), "trace id");
  const id = readHexId(o.id, childPath(path, "id"), "span id");
  const span: ZipkinSpan = { traceId, id, annotations: [], tags: new Map(), shared: false, path, order };

  const parentId = readOptionalString(o.parentId, childPath(path, "parentId"));
  if (parentId !== undefined && parentId !== "") {
    const padded = padHexId(parentId, 16);
    if (padded === undefined) fail(childPath(path, "parentId"), "a span id of up to 16 hex digits", parentId);
    // Zipkin reads an all-zero parent as "no parent", and a span cannot be its own parent.
    if (!ZEROS.test(padded) && padded !== id) span.parentId = padded;
  }
  const kind = readOptionalString(o.kind, childPath(path, "kind"));
  if (kind !== undefined) {
    const upper = kind.toUpperCase();
    if (!isZipkinKind(upper)) fail(childPath(path, "kind"), "CLIENT, SERVER, PRODUCER or CONSUMER", kind);
    span.kind = upper;
  }
  const name = readOptionalString(o.name, childPath(path, "name"));
  if (name !== undefined && name !== "" && name !== "unknown") span.name = name;
  const timestamp = o.timestamp === undefined || o.timestamp === null ? 0n : readMicros(o.timestamp, childPath(path, "timestamp"));
  if (timestamp > 0n) span.timestamp = timestamp;
  const duration = o.duration === undefined || o.duration === null ? 0n : readMicros(o.duration, childPath(path, "duration"));
  if (duration > 0n) span.duration = duration;
  span.localEndpoint = readEndpoint(o.localEndpoint, childPath(path, "localEndpoint"));
  span.remoteEndpoint = readEndpoint(o.remoteEndpoint, childPath(path, "remoteEndpoint"));
  const annotationsPath = childPath(path, "annotations");
  span.annotations = sortAnnotations(readOptionalArray(o.annotations, annotationsPath).map((a, i) => readAnnotation(a, childPath(annotationsPath, i))));
  readTags(o.tags, childPath(path, "tags"), span.tags);
  span.shared = o.shared === true && span.kind !== "CLIENT";
  return span;
}

function isZipkinKind(value: string): value is ZipkinKind {
  return KINDS.includes(value);
}

function readEndpoint(raw: unknown, path: string): ZipkinEndpoint | undefined {
  if (raw === undefined || raw === null) return undefined;
  const o = readObject(raw, path);
  const endpoint: ZipkinEndpoint = {};
  const serviceName = readOptionalString(o.serviceName, childPath(path, "serviceName"));
  if (serviceName) endpoint.serviceName = serviceName;
  const ipv4 = readOptionalString(o.ipv4, childPath(path, "ipv4"));
  if (ipv4) endpoint.ipv4 = ipv4;
  const ipv6 = readOptionalString(o.ipv6, childPath(path, "ipv6"));
  if (ipv6) endpoint.ipv6 = ipv6;
  if (o.port !== undefined && o.port !== null) {
    if (typeof o.port !== "number" || !Number.isInteger(o.port) || o.port < 0 || o.port > 65535) fail(childPath(path, "port"), "a port number", o.port);
    if (o.port > 0) endpoint.port = o.port;
  }
  return Object.keys(endpoint).length === 0 ? undefined : endpoint;
}

function readAnnotation(raw: unknown, path: string): ZipkinAnnotation {
  const o = readObject(raw, path);
  const value = o.value;
  if (typeof value !== "string") fail(childPath(path, "value"), "a string", value);
  return { timestamp: readMicros(o.timestamp, childPath(path, "timestamp")), value };
}

/** Zipkin tags are strings; numbers and booleans some reporters write are kept as their text. */
function readTags(raw: unknown, path: string, into: Map<string, string>): void {
  if (raw === undefined || raw === null) return;
  if (!isJsonObject(raw)) throw new FieldError(path, "must be an object of string values.");
  for (const [key, value] of Object.entries(raw)) {
    into.set(key, typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value));
  }
}

export function sortAnnotations(annotations: ZipkinAnnotation[]): ZipkinAnnotation[] {
  const sorted = [...annotations].sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return sorted.filter((a, i) => i === 0 || a.timestamp !== sorted[i - 1].timestamp || a.value !== sorted[i - 1].value);
}
