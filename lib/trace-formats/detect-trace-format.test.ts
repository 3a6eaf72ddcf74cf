import { describe, expect, it } from "vitest";
import { classifyTraceDocument, detectTraceFormat } from "./detect-trace-format";
import { corpusFile, GENAI_JAEGER_FILES, JAEGER_FILES, ZIPKIN_FILES } from "./testing/read-format-corpus";

const OTLP_FILE = "open-telemetry__opentelemetry-proto__examples__trace.json";

describe("detectTraceFormat on real files", () => {
  it.each([
    ["jaeger", JAEGER_FILES.ui01, "jaeger-json"],
    ["jaeger", JAEGER_FILES.enriched, "jaeger-json"],
    ["genai", GENAI_JAEGER_FILES.flamegraph, "jaeger-json"],
    ["zipkin", ZIPKIN_FILES.kafka, "zipkin-json"],
    ["otlp", OTLP_FILE, "otlp-json"],
    ["otlp", "jaegertracing__jaeger-ui__packages__jaeger-ui__src__api__v3____fixtures____getTrace-response.json", "otlp-json"],
  ] as const)("%s/%s is %s", (folder, file, format) => {
    const text = corpusFile(folder, file);
    expect(detectTraceFormat(text, file)).toEqual({ format, document: JSON.parse(text) });
  });

  it("takes several OTLP requests, one per line, as JSON Lines", () => {
    const line = JSON.stringify(JSON.parse(corpusFile("otlp", OTLP_FILE)));
    expect(detectTraceFormat(`${line}\n${line}\n`)).toEqual({ format: "otlp-json-lines" });
    // One line is one document; the name says it is a JSON Lines file all the same.
    expect(detectTraceFormat(`${line}\n`, "export.jsonl")).toEqual({ format: "otlp-json-lines" });
    expect(detectTraceFormat(`${line}\n{broken`, "export.ndjson")).toEqual({ format: "otlp-json-lines" });
  });

  it("accepts a file saved with a byte-order mark", () => {
    expect(detectTraceFormat(`\ufeff${corpusFile("zipkin", ZIPKIN_FILES.envoy)}`).format).toBe("zipkin-json");
  });
});

describe("detectTraceFormat errors", () => {
  it.each([
    ["", undefined, "the file", "is empty: nothing to import."],
    ["  \n", "a.json", "a.json", "is empty: nothing to import."],
    ['{"data": [}', "a.json", "a.json:1:11", "not valid JSON: expected a value (a string in double quotes, a number, true, false, null, an object or an array), found '}'."],
    ['[\n  {"traceId": "a",}\n]', undefined, "line 2, column 19", "not valid JSON: a '}' cannot follow ',': remove the trailing comma."],
    ["[]", "a.json", "a.json", "holds an empty array: no traces to import."],
    ['"hello"', undefined, "the file", expect.stringMatching(/^holds a JSON string, not traces: expected OTLP\/JSON/)],
    ['{"resourceLogs": []}', undefined, "the file", "holds OTLP logs, not traces."],
    ['[{"traceId": "a", "id": "b", "binaryAnnotations": []}]', undefined, "the file", expect.stringMatching(/^holds Zipkin v1 JSON/)],
    ['{"traceId": "a", "id": "b"}\n{"traceId": "a", "id": "c"}', "z.json", "z.json", expect.stringMatching(/^holds one JSON value per line, .*; line 1 is not one\.$/)],
    ['{"name": "x"}', undefined, "the file", expect.stringMatching(/^is not a trace file Flowprint reads/)],
  ])("%j", (text, fileName, where, message) => {
    expect(detectTraceFormat(text, fileName)).toEqual({ format: null, problem: { where, message } });
  });
});

describe("classifyTraceDocument", () => {
  it("recognises each shape by its fields", () => {
    expect(classifyTraceDocument({ resource_spans: [] })).toBe("otlp-json");
    expect(classifyTraceDocument({ data: null, errors: [{ msg: "not found" }] })).toBe("jaeger-json");
    expect(classifyTraceDocument({ traceID: "a", spans: [], processes: {} })).toBe("jaeger-json");
    expect(classifyTraceDocument([{ traceID: "a", spans: [] }])).toBe("jaeger-json");
    expect(classifyTraceDocument([[]])).toBe("zipkin-json");
    expect(classifyTraceDocument({ traceId: "a", id: "b" })).toBe("zipkin-json");
  });
});
