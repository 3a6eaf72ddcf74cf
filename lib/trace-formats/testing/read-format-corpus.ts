// Real Jaeger and Zipkin files from other projects, in tests/fixtures/corpora (its README names
// each file's project, path, commit and licence). A missing file fails the test reading it.
import fs from "node:fs";
import path from "node:path";

const CORPORA = path.resolve(import.meta.dirname, "../../../tests/fixtures/corpora");

export type CorpusFolder = "jaeger" | "zipkin" | "genai" | "otlp";

export function corpusFile(folder: CorpusFolder, file: string): string {
  return fs.readFileSync(path.join(CORPORA, folder, file), "utf8");
}

export function corpusFiles(folder: CorpusFolder): string[] {
  return fs.readdirSync(path.join(CORPORA, folder)).sort();
}

/** Jaeger UI fixtures: `jaegertracing__jaeger-ui__packages__jaeger-ui__src__` + the rest of the path. */
export const JAEGER_UI = "jaegertracing__jaeger-ui__packages__jaeger-ui__src__";
export const ZIPKIN_LENS = "openzipkin__zipkin__zipkin-lens__testdata__";

export const JAEGER_FILES = {
  /** Jaeger's UI-model fixture: every tag type, logs, warnings, FOLLOWS_FROM and cross-trace references, 16-digit ids. */
  ui01: "jaegertracing__jaeger__internal__uimodel__converter__v1__json__fixtures__ui_01.json",
  /** A 31-digit trace id and 15-digit span ids, two services. */
  statistics: `${JAEGER_UI}components__TracePage__TraceStatistics__tableValuesTestTrace__spanAmongEachOtherGroupedAndSpans.json`,
  /** A trace the UI had already enriched: embedded processes, nested reference spans, depth fields. */
  enriched: `${JAEGER_UI}utils__fixtures__oltp2jaeger-multi-out.json`,
  /** Made-up ids that are not hex ("trace-123", "span-1"). */
  graph: `${JAEGER_UI}components__TracePage__TraceGraph__testTrace.json`,
} as const;

export const GENAI_JAEGER_FILES = {
  /** 57 spans, 10 services: an agent answering over MCP and GraphQL. */
  timeline: `${JAEGER_UI}components__TracePage__TraceTimelineViewer__genaiTestTrace.json`,
  /** Two traces with made-up ids ("genai-full-trace-001"). */
  flamegraph: `${JAEGER_UI}components__TracePage__TraceFlamegraph__genaiTestTrace.json`,
} as const;

export const ZIPKIN_FILES = {
  ascend: `${ZIPKIN_LENS}ascend.json`,
  envoy: `${ZIPKIN_LENS}envoy.json`,
  kafka: `${ZIPKIN_LENS}messaging-kafka.json`,
  db: `${ZIPKIN_LENS}simple-db-p6.json`,
  skew: `${ZIPKIN_LENS}skew.json`,
  mobile: `${ZIPKIN_LENS}smartthings-mobile-web-install.json`,
  oauth: `${ZIPKIN_LENS}smartthings-oauth-authorization.json`,
  yelp: `${ZIPKIN_LENS}yelp.json`,
} as const;
