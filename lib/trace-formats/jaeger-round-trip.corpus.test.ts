// Jaeger file → OTLP/JSON → decodeTraceRequest → Span[] → Jaeger query JSON gives back what the
// file held, field by field. What comes back changed is exactly what Jaeger's own OTLP round
// trip changes, and is stated here:
// - ids: padded to 16 / 32 digits, then a trace id whose high half is zero written with 16
//   (Jaeger's TraceID.String()): "df84…5a1f" (31 digits) comes back "0df84…5a1f";
// - tags that OTLP keeps in fields of its own move to the end, in Jaeger's order:
//   span.kind, otel.status_code, error=true, otel.status_description, w3c.tracestate (and
//   otel.scope.name/version move to the front); every other tag keeps its place and value;
// - error=true adds otel.status_code=ERROR, and otel.status_code=ERROR adds error=true;
// - tag values take Jaeger's own JSON typing: a bool written "true" becomes true;
// - the references come back as the same set, the parent's first; the one exception is a span
//   holding both CHILD_OF and FOLLOWS_FROM to the same parent (ui_01's "reference-test"):
//   OTLP has one parent id and a link, and like Jaeger's conversion only FOLLOWS_FROM survives;
// - process tags: hostname comes back as host.name (the Collector's renaming);
// - span warnings survive; an empty list comes back null; trace-level warnings do not.
import { describe, expect, it } from "vitest";
import { decodeImportedRequests } from "./decode-imported-requests";
import { importTraceFile } from "./import-trace-file";
import type { JaegerKeyValue, JaegerSpan, JaegerTrace } from "./jaeger-json";
import { spansToJaegerTraces } from "./spans-to-jaeger-traces";
import { corpusFile, GENAI_JAEGER_FILES, JAEGER_FILES, type CorpusFolder } from "./testing/read-format-corpus";

/** The input as read with JSON.parse: looser than JaegerTrace (extra fields, missing lists, string values). */
interface InputTag {
  key: string;
  type?: string;
  value: unknown;
}
interface InputSpan {
  traceID: string;
  spanID: string;
  flags?: number;
  operationName: string;
  references?: { refType: string; traceID: string; spanID: string }[] | null;
  startTime: number;
  duration: number;
  tags?: InputTag[] | null;
  logs?: { timestamp: number; fields: InputTag[] }[] | null;
  processID?: string;
  process?: { serviceName: string; tags?: InputTag[] };
  warnings?: string[] | null;
}
interface InputTrace {
  traceID: string;
  spans: InputSpan[];
  processes?: Record<string, { serviceName: string; tags?: InputTag[] }>;
}

const FILES: { folder: CorpusFolder; file: string; name: string }[] = [
  { folder: "jaeger", file: JAEGER_FILES.ui01, name: "Jaeger's ui_01" },
  { folder: "jaeger", file: JAEGER_FILES.statistics, name: "Jaeger UI's statistics trace (31-digit trace id)" },
  { folder: "jaeger", file: JAEGER_FILES.enriched, name: "Jaeger UI's enriched trace (embedded processes)" },
  { folder: "genai", file: GENAI_JAEGER_FILES.timeline, name: "Jaeger UI's 57-span GenAI trace" },
];

const SPAN_KINDS = ["client", "server", "producer", "consumer", "internal"];
/** Tags the exporter writes from OTLP fields; compared separately from the rest. */
const FIELD_TAGS = new Set(["span.kind", "otel.status_code", "otel.status_description", "otel.scope.name", "otel.scope.version", "w3c.tracestate"]);

function inputTraces(text: string): InputTrace[] {
  const parsed = JSON.parse(text) as { data?: InputTrace[] } & InputTrace;
  return parsed.data ?? [parsed];
}

function roundTrip(text: string): JaegerTrace[] {
  const imported = importTraceFile(text);
  expect(imported.problems).toEqual([]);
  const decoded = decodeImportedRequests(imported.requests, "ws", 0);
  expect(decoded.rejectedSpans).toBe(0);
  return spansToJaegerTraces(decoded.spans);
}

function jaegerTraceId(id: string): string {
  const padded = id.padStart(32, "0");
  return padded.startsWith("0000000000000000") ? padded.slice(16) : padded;
}

/** Jaeger's own typing of a tag as JSON: bool "true" → true, an int64 in the safe range → a number. */
function normalizeTag(tag: InputTag): JaegerKeyValue {
  const type = (tag.type ?? "string").toLowerCase();
  if (type === "bool" && typeof tag.value === "string") return { key: tag.key, type: "bool", value: tag.value.toLowerCase() === "true" };
  if (type === "int64" && typeof tag.value === "string" && Number.isSafeInteger(Number(tag.value))) return { key: tag.key, type: "int64", value: Number(tag.value) };
  return { key: tag.key, type: type as JaegerKeyValue["type"], value: tag.value as JaegerKeyValue["value"] };
}

/** Whether the exporter consumed the tag into an OTLP field (and writes it back at the end). */
function isFieldTag(tag: JaegerKeyValue): boolean {
  if (tag.key === "span.kind") return typeof tag.value === "string" && SPAN_KINDS.includes(tag.value);
  if (tag.key === "error") return tag.value === true;
  return FIELD_TAGS.has(tag.key);
}

function tagValue(tags: JaegerKeyValue[], key: string): JaegerKeyValue["value"] | undefined {
  return tags.find((t) => t.key === key)?.value;
}

function sortedRefs(refs: { refType: string; traceID: string; spanID: string }[]): string[] {
  return refs.map((r) => `${r.refType} ${jaegerTraceId(r.traceID)} ${r.spanID.padStart(16, "0")}`).sort();
}

describe.each(FILES)("Jaeger → OTLP → Span[] → Jaeger: $name", ({ folder, file }) => {
  const text = corpusFile(folder, file);
  const inputs = inputTraces(text);
  const outputs = roundTrip(text);

  it("gives back every trace and span", () => {
    expect(outputs.map((t) => t.traceID).sort()).toEqual(inputs.map((t) => jaegerTraceId(t.traceID)).sort());
    expect(outputs.flatMap((t) => t.spans)).toHaveLength(inputs.reduce((n, t) => n + t.spans.length, 0));
  });

  const pairs = inputs.flatMap((input) => {
    const output = outputs.find((t) => t.traceID === jaegerTraceId(input.traceID));
    return input.spans.map((span) => ({ input, span, output }));
  });

  it.each(pairs.map((p, i) => ({ ...p, label: `${i}: ${p.span.operationName}` })))("span $label comes back field by field", ({ input, span, output }) => {
    expect(output).toBeDefined();
    if (output === undefined) return;
    const back = output.spans.find((s: JaegerSpan) => s.spanID === span.spanID.padStart(16, "0") && s.operationName === span.operationName && s.startTime === span.startTime);
    expect(back, "the same span id, operation name and start time").toBeDefined();
    if (back === undefined) return;

    expect(back.traceID).toBe(jaegerTraceId(span.traceID));
    expect(back.duration).toBe(span.duration);
    expect(back.flags ?? 0).toBe((span.flags ?? 0) & 1);

    const inProcess = span.process ?? input.processes?.[span.processID ?? ""];
    const outProcess = output.processes[back.processID];
    expect(outProcess.serviceName).toBe(inProcess?.serviceName);
    expect(outProcess.tags).toEqual((inProcess?.tags ?? []).map(normalizeTag).map((t) => (t.key === "hostname" ? { ...t, key: "host.name" } : t)));

    const inTags = (span.tags ?? []).map(normalizeTag);
    expect(back.tags.filter((t) => !isFieldTag(t)), "every other tag in its place, with its value").toEqual(inTags.filter((t) => !isFieldTag(t)));
    const inKind = tagValue(inTags, "span.kind");
    expect(tagValue(back.tags, "span.kind")).toBe(typeof inKind === "string" && SPAN_KINDS.includes(inKind) ? inKind : undefined);
    const inStatus = tagValue(inTags, "otel.status_code");
    const failed = tagValue(inTags, "error") === true || (typeof inStatus === "string" && inStatus.toUpperCase() === "ERROR");
    expect(tagValue(back.tags, "otel.status_code")).toBe(failed ? "ERROR" : typeof inStatus === "string" && inStatus.toUpperCase() === "OK" ? "OK" : undefined);
    expect(back.tags.some((t) => t.key === "error" && t.value === true)).toBe(failed);
    for (const key of ["otel.status_description", "otel.scope.name", "otel.scope.version", "w3c.tracestate"]) expect(tagValue(back.tags, key)).toBe(tagValue(inTags, key));

    const inRefs = span.references ?? [];
    if (span.operationName === "reference-test") {
      expect(back.references).toEqual([
        { refType: "FOLLOWS_FROM", traceID: "0000000000000001", spanID: "0000000000000002" },
        { refType: "CHILD_OF", traceID: "00000000000000ff", spanID: "00000000000000ff" },
      ]);
    } else {
      expect(sortedRefs(back.references)).toEqual(sortedRefs(inRefs));
      const parent = inRefs.find((r) => r.refType === "CHILD_OF" && jaegerTraceId(r.traceID) === jaegerTraceId(span.traceID));
      if (parent !== undefined) expect(back.references[0]).toEqual({ refType: "CHILD_OF", traceID: jaegerTraceId(parent.traceID), spanID: parent.spanID.padStart(16, "0") });
    }

    expect(back.logs).toEqual(
      (span.logs ?? []).map((log) => {
        const fields = log.fields.map(normalizeTag);
        const event = fields.filter((f) => f.key === "event" && f.type === "string");
        return { timestamp: log.timestamp, fields: [...event, ...fields.filter((f) => !event.includes(f))] };
      }),
    );
    expect(back.warnings).toEqual(span.warnings && span.warnings.length > 0 ? span.warnings : null);
  });

  it("gives spans of one process one process id", () => {
    for (const input of inputs) {
      const output = outputs.find((t) => t.traceID === jaegerTraceId(input.traceID));
      const distinct = new Set(input.spans.map((s) => JSON.stringify(s.process ?? input.processes?.[s.processID ?? ""])));
      expect(Object.keys(output?.processes ?? {})).toHaveLength(distinct.size);
      expect(Object.keys(output?.processes ?? {})).toEqual(Array.from({ length: distinct.size }, (_, i) => `p${i + 1}`));
    }
  });
});

describe("the round trip's stated normalizations", () => {
  it("writes the 31-digit trace id of Jaeger UI's statistics trace with 32 digits", () => {
    const [trace] = roundTrip(corpusFile("jaeger", JAEGER_FILES.statistics));
    expect(trace.traceID).toBe("0df84e36b9e2ee3815d07f0867a5be1f");
    expect(trace.spans.map((s) => s.spanID).every((id) => id.length === 16)).toBe(true);
  });

  it("keeps ui_01's 64-bit trace id at 16 digits, its unsafe int64 as text and its binary tag as base64", () => {
    const [trace] = roundTrip(corpusFile("jaeger", JAEGER_FILES.ui01));
    expect(trace.traceID).toBe("0000000000000001");
    const someOperation = trace.spans.find((s) => s.operationName === "some-operation" && s.tags.length > 0);
    expect(someOperation?.tags).toEqual([
      { key: "peer.service", type: "string", value: "service-y" },
      { key: "peer.ipv4", type: "int64", value: 23456 },
      { key: "temperature", type: "float64", value: 72.5 },
      { key: "javascript_limit", type: "int64", value: "9223372036854775222" },
      { key: "blob", type: "binary", value: "AAAwOQ==" },
      { key: "otel.status_code", type: "string", value: "ERROR" },
      { key: "error", type: "bool", value: true },
    ]);
    expect(trace.spans.find((s) => s.operationName === "preserveParentID-test")?.warnings).toEqual(["some span warning"]);
    expect(trace.warnings).toBeNull();
  });
});
