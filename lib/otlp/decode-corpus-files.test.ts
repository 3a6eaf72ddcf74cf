// Real OTLP/JSON files from other projects' test fixtures (Jaeger, Jaeger UI, data-prepper,
// opentelemetry-proto's example), in tests/fixtures/corpora/otlp; its README names each file's project, path and
// licence.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeTraceRequest } from "./index";

const CORPUS_DIR = path.resolve(import.meta.dirname, "../../tests/fixtures/corpora/otlp");

/** Spans each file must yield, counted by hand from the files; a file not listed must decode with no rejections. */
const EXPECTED_SPANS: Record<string, number> = {
  "jaegertracing__jaeger-ui__packages__jaeger-ui__src__api__v3____fixtures____getTrace-response.json": 40,
  "jaegertracing__jaeger-ui__packages__jaeger-ui__src__utils__fixtures__otlp2jaeger-multi-in-combined.json": 4,
  "jaegertracing__jaeger__cmd__jaeger__internal__extension__jaegerquery__internal__mcptools__internal__handlers__testdata__skills__error_timeout_masked.json": 26,
  "jaegertracing__jaeger__cmd__jaeger__internal__extension__jaegerquery__internal__mcptools__internal__handlers__testdata__skills__n_plus_one_full_concurrent.json": 40,
  "jaegertracing__jaeger__cmd__jaeger__internal__extension__jaegerquery__internal__mcptools__internal__handlers__testdata__skills__n_plus_one_full_serial.json": 40,
  "jaegertracing__jaeger__cmd__jaeger__internal__extension__jaegerquery__internal__mcptools__internal__handlers__testdata__skills__n_plus_one_near_miss.json": 12,
  "jaegertracing__jaeger__cmd__jaeger__internal__extension__jaegerquery__internal__mcptools__internal__handlers__testdata__skills__n_plus_one_positive.json": 16,
  "jaegertracing__jaeger__cmd__jaeger__internal__extension__jaegerquery__internal__mcptools__internal__handlers__testdata__skills__sibling_errors.json": 6,
  "jaegertracing__jaeger__internal__storage__integration__fixtures__traces__example_trace.json": 5,
  "jaegertracing__jaeger__internal__storage__integration__fixtures__traces__link_attributes_trace.json": 1,
  "jaegertracing__jaeger__internal__storage__integration__fixtures__traces__scope_attributes_trace.json": 1,
  "jaegertracing__jaeger__internal__storage__v2__memory__fixtures__otel_traces_01.json": 4,
  "open-telemetry__opentelemetry-proto__examples__trace.json": 1,
  "opensearch-project__data-prepper__data-prepper-plugins__otel-proto-common__src__test__resources__test-request-both-span-types.json": 3,
};

const files = fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".json") && fs.readFileSync(path.join(CORPUS_DIR, f), "utf8").includes('"resourceSpans"'));

/** Spans in every ResourceSpans list of a parsed file, counted without the decoder. */
function countSpans(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countSpans(v), 0);
  if (value === null || typeof value !== "object") return 0;
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.spans)) return o.spans.length;
  return Object.values(o).reduce((n: number, v) => n + countSpans(v), 0);
}

/** The ExportTraceServiceRequest inside a file: the file itself, or an API response wrapping it (Jaeger's {"result": ...}). */
function requestBody(text: string): Uint8Array {
  const parsed = JSON.parse(text) as Record<string, unknown>;
  if ("resourceSpans" in parsed) return new TextEncoder().encode(text);
  const inner = Object.values(parsed).find((v) => v !== null && typeof v === "object" && "resourceSpans" in v);
  return new TextEncoder().encode(JSON.stringify(inner));
}

describe(`OTLP/JSON corpus in tests/fixtures/corpora/otlp`, () => {
  it("holds every file whose span count is known", () => {
    expect(files).toEqual(expect.arrayContaining(Object.keys(EXPECTED_SPANS)));
  });

  it.each(files)("%s", (file) => {
    const text = fs.readFileSync(path.join(CORPUS_DIR, file), "utf8");
    const result = decodeTraceRequest(requestBody(text), "json", "corpus", 0);
    expect(result.rejectedSpans).toBe(0);
    expect(result.errorMessage).toBe("");
    expect(result.spans.length).toBe(countSpans(JSON.parse(text)));
    if (file in EXPECTED_SPANS) expect(result.spans.length).toBe(EXPECTED_SPANS[file]);
    for (const span of result.spans) {
      expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(span.parentSpanId).toMatch(/^([0-9a-f]{16})?$/);
      expect(span.service).not.toBe("");
    }
  });
});
