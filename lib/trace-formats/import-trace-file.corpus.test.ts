// Every Jaeger and Zipkin file of the corpus, imported as a user's upload would be: the format is
// recognised, the spans counted by hand come out, and the decoder live ingestion uses takes
// every one of them.
import { describe, expect, it } from "vitest";
import { decodeImportedRequests } from "./decode-imported-requests";
import { importTraceFile } from "./import-trace-file";
import { corpusFile, corpusFiles, GENAI_JAEGER_FILES, JAEGER_FILES, ZIPKIN_FILES, type CorpusFolder } from "./testing/read-format-corpus";

interface Expected {
  folder: CorpusFolder;
  file: string;
  format: "jaeger-json" | "zipkin-json" | "otlp-json";
  traces: number;
  spans: number;
  skipped: number;
  why: string;
}

// Counted by hand from the files (spans arrays, ids, timestamps).
const EXPECTED: Expected[] = [
  { folder: "jaeger", file: JAEGER_FILES.ui01, format: "jaeger-json", traces: 1, spans: 5, skipped: 0, why: "one trace of 5 spans" },
  { folder: "jaeger", file: JAEGER_FILES.statistics, format: "jaeger-json", traces: 1, spans: 17, skipped: 0, why: "one trace of 17 spans" },
  { folder: "jaeger", file: JAEGER_FILES.enriched, format: "jaeger-json", traces: 1, spans: 4, skipped: 0, why: "{data: [one trace of 4 spans]}" },
  { folder: "jaeger", file: JAEGER_FILES.graph, format: "jaeger-json", traces: 0, spans: 0, skipped: 11, why: "its 11 spans have ids like \"span-1\", which are not hex" },
  { folder: "genai", file: GENAI_JAEGER_FILES.timeline, format: "jaeger-json", traces: 1, spans: 57, skipped: 0, why: "one trace of 57 spans" },
  { folder: "genai", file: GENAI_JAEGER_FILES.flamegraph, format: "jaeger-json", traces: 0, spans: 0, skipped: 6, why: "two traces (5 + 1 spans) with ids like \"genai-full-trace-001\"" },
  { folder: "zipkin", file: ZIPKIN_FILES.ascend, format: "zipkin-json", traces: 1, spans: 8, skipped: 0, why: "8 spans; the 2 shared server halves get ids of their own" },
  { folder: "zipkin", file: ZIPKIN_FILES.envoy, format: "zipkin-json", traces: 1, spans: 1, skipped: 0, why: "1 span" },
  { folder: "zipkin", file: ZIPKIN_FILES.kafka, format: "zipkin-json", traces: 1, spans: 28, skipped: 0, why: "28 spans" },
  { folder: "zipkin", file: ZIPKIN_FILES.db, format: "zipkin-json", traces: 1, spans: 5, skipped: 0, why: "5 spans" },
  { folder: "zipkin", file: ZIPKIN_FILES.skew, format: "zipkin-json", traces: 1, spans: 4, skipped: 0, why: "4 spans, one shared client/server pair" },
  {
    folder: "zipkin",
    file: ZIPKIN_FILES.mobile,
    format: "zipkin-json",
    traces: 1,
    spans: 957,
    skipped: 84,
    why: "1,041 spans, of which 84 are pieces with only a name and an endpoint (no kind, no timestamp) that Zipkin cannot merge either",
  },
  {
    folder: "zipkin",
    file: ZIPKIN_FILES.oauth,
    format: "zipkin-json",
    traces: 1,
    spans: 172,
    skipped: 0,
    why: "175 spans; five shared SERVER halves of one Kafka send come from two hosts (3 + 2 pieces), which Zipkin merges into 2",
  },
  { folder: "zipkin", file: ZIPKIN_FILES.yelp, format: "zipkin-json", traces: 1, spans: 16, skipped: 0, why: "16 spans" },
];

describe("importTraceFile on the Jaeger and Zipkin corpus", () => {
  it("covers every Jaeger and Zipkin file of the corpus", () => {
    const covered = EXPECTED.map((e) => `${e.folder}/${e.file}`);
    for (const folder of ["jaeger", "zipkin"] as const) {
      for (const file of corpusFiles(folder)) expect(covered, `${folder}/${file} has no expected count`).toContain(`${folder}/${file}`);
    }
  });

  it.each(EXPECTED)("$file: $why", ({ folder, file, format, traces, spans, skipped }) => {
    const imported = importTraceFile(corpusFile(folder, file), { fileName: file });
    expect(imported.format).toBe(format);
    expect(imported.requests).toHaveLength(traces);
    expect(imported.spanCount).toBe(spans);
    expect(imported.skippedSpanCount).toBe(skipped);
    expect(imported.requests.reduce((n, r) => n + r.spanCount, 0)).toBe(spans);
    if (skipped === 0) expect(imported.problems).toEqual([]);
    else expect(imported.problems.length).toBeGreaterThan(0);

    const decoded = decodeImportedRequests(imported.requests, "ws", 0);
    expect(decoded.problems).toEqual([]);
    expect(decoded.rejectedSpans).toBe(0);
    expect(decoded.spans).toHaveLength(spans);
  });

  it("says why the files with made-up ids are refused, once per distinct value", () => {
    const graph = importTraceFile(corpusFile("jaeger", JAEGER_FILES.graph), { fileName: "testTrace.json" });
    expect(graph.problems).toEqual([
      {
        where: "testTrace.json at spans[0].traceID",
        message: 'must be a trace id of up to 32 hex digits, not the string "trace-123". The same in 10 more places.',
      },
    ]);
    const flamegraph = importTraceFile(corpusFile("genai", GENAI_JAEGER_FILES.flamegraph), { fileName: "genai.json" });
    expect(flamegraph.problems.map((p) => p.where)).toEqual(["genai.json at data[0].spans[0].traceID", "genai.json at data[1].spans[0].traceID"]);
  });

  it("names the Zipkin pieces without a timestamp once, with how many there are", () => {
    const mobile = importTraceFile(corpusFile("zipkin", ZIPKIN_FILES.mobile), { fileName: "mobile.json" });
    expect(mobile.problems).toEqual([
      {
        where: "mobile.json at [0]",
        message:
          "has no timestamp, so it cannot be placed in time: left out. (Zipkin reporters send such pieces when part of a span is reported apart.) The same in 83 more places.",
      },
    ]);
  });

  it("reads the OTLP/JSON corpus files as OTLP and passes them through unchanged", () => {
    const file = "open-telemetry__opentelemetry-proto__examples__trace.json";
    const text = corpusFile("otlp", file);
    const imported = importTraceFile(text, { fileName: file });
    expect(imported.format).toBe("otlp-json");
    expect(imported.requests).toEqual([{ request: JSON.parse(text), where: file, spanCount: 1 }]);
  });
});
