import { describe, expect, it } from "vitest";
import { decodeImportedRequests } from "./decode-imported-requests";
import { readOtlpJsonDocument, readOtlpRequest, splitOtlpJsonLines } from "./otlp-json-lines";
import { corpusFile } from "./testing/read-format-corpus";

// Real OTLP/JSON requests, one per line as the Collector's file exporter writes them.
const FILES = [
  "open-telemetry__opentelemetry-proto__examples__trace.json",
  "jaegertracing__jaeger__internal__storage__integration__fixtures__traces__example_trace.json",
  "jaegertracing__jaeger__internal__storage__integration__fixtures__traces__link_attributes_trace.json",
];
const requests = FILES.map((file) => JSON.parse(corpusFile("otlp", file)) as Record<string, unknown>);
const lines = requests.map((r) => JSON.stringify(r));

describe("splitOtlpJsonLines", () => {
  it("gives each line's request with its line number, and the decoder reads them all", () => {
    const split = splitOtlpJsonLines(`${lines[0]}\n\n${lines[1]}\r\n${lines[2]}\n`, { fileName: "spans.jsonl" });
    expect(split.problems).toEqual([]);
    expect(split.requests.map((r) => r.where)).toEqual(["spans.jsonl:1", "spans.jsonl:3", "spans.jsonl:4"]);
    expect(split.requests.map((r) => r.request)).toEqual(requests);
    const decoded = decodeImportedRequests(split.requests, "ws", 0);
    expect(decoded).toMatchObject({ rejectedSpans: 0, problems: [] });
    expect(decoded.spans).toHaveLength(split.spanCount);
  });

  it("reports a bad line by line and column and keeps the others", () => {
    const split = splitOtlpJsonLines([lines[0], '{"resourceSpans": [}', "[1, 2]", '{"resourceLogs": []}', lines[1]].join("\n"), { fileName: "spans.jsonl" });
    expect(split.requests.map((r) => r.where)).toEqual(["spans.jsonl:1", "spans.jsonl:5"]);
    expect(split.problems).toEqual([
      { where: "spans.jsonl:2:20", message: "not valid JSON: expected a value (a string in double quotes, a number, true, false, null, an object or an array), found '}'." },
      { where: "spans.jsonl:3", message: 'is not an OTLP/JSON request: expected an object with "resourceSpans".' },
      { where: "spans.jsonl:4", message: "holds OTLP logs, not traces." },
    ]);
  });

  it("says line N without a file name", () => {
    expect(splitOtlpJsonLines("{}\n").problems).toEqual([{ where: "line 1", message: 'is not an OTLP/JSON request: it has no "resourceSpans".' }]);
    expect(splitOtlpJsonLines("\n\n").problems).toEqual([{ where: "the file", message: "holds no OTLP requests: nothing to import." }]);
  });
});

describe("readOtlpJsonDocument", () => {
  it("reads one request per file, and Jaeger's v3 API answer around one", () => {
    expect(readOtlpJsonDocument(requests[0], { fileName: "t.json" }).requests).toEqual([{ request: requests[0], where: "t.json", spanCount: 1 }]);
    expect(readOtlpJsonDocument({ result: requests[0] }).requests[0].request).toBe(requests[0]);
  });
});

describe("readOtlpRequest", () => {
  it("counts spans under every spelling the decoder accepts", () => {
    const spans = [{}, {}];
    expect(readOtlpRequest({ resource_spans: [{ scope_spans: [{ spans }] }, { instrumentationLibrarySpans: [{ spans }] }] })).toMatchObject({ spanCount: 4 });
  });

  it("says why other JSON is not a request", () => {
    expect(readOtlpRequest({ resourceSpans: {} })).toEqual({ reason: 'is not an OTLP/JSON request: "resourceSpans" must be an array.' });
    expect(readOtlpRequest({ resourceMetrics: [] })).toEqual({ reason: "holds OTLP metrics, not traces." });
  });
});
