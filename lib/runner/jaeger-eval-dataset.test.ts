import { describe, expect, it } from "vitest";
import { buildEvalDataset } from "../eval/build-eval-dataset";
import { loadEvalDataset } from "../eval/load-eval-dataset";
import { extractLlmCall } from "../genai/extract-llm-call";
import type { LlmCall } from "../genai/llm-call";
import { JAEGER_UI, readCorpusSpans } from "../genai/testing/read-genai-corpus";
import { GENAI_JAEGER_FILES, corpusFile } from "../trace-formats/testing/read-format-corpus";
import { evalDatasetFromJaeger } from "./jaeger-eval-dataset";

const TRACE = "4a1b2c3d4e5f60718293a4b5c6d7e8f9";
const JAEGER = "http://jaeger:16686";
const AT = new Date("2026-12-06T12:00:00.000Z");
// Jaeger UI's 57-span GenAI trace, as the query API answers it: {data: [trace]}.
const answer = { data: [JSON.parse(corpusFile("genai", GENAI_JAEGER_FILES.timeline))] };

describe("evalDatasetFromJaeger", () => {
  it("builds from Jaeger's answer the dataset Flowprint builds from the same spans", () => {
    const result = evalDatasetFromJaeger(answer, TRACE, JAEGER, AT);
    if (!result.ok) throw new Error(result.message);
    expect(result.warnings).toEqual([]);
    expect(result.dataset).toMatchObject({ fileName: "trace-4a1b2c3d.eval.yaml", cases: 5 });
    const loaded = loadEvalDataset(result.dataset.yaml);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    // The genai corpus reader turns Jaeger JSON into spans on its own, as the stored spans would be.
    const calls = readCorpusSpans(`${JAEGER_UI}components__TracePage__TraceTimelineViewer__genaiTestTrace.json`)
      .map(extractLlmCall)
      .filter((c): c is LlmCall => c !== null);
    const expected = buildEvalDataset({ calls, source: { type: "trace", workspace: JAEGER, trace_id: TRACE }, exportedAt: AT });
    expect(loaded.dataset).toEqual(expected);
    expect(loaded.dataset.cases.map((c) => c.span_id)).toEqual(["0000000000000005", "0000000000000014", "0000000000000023", "0000000000000036", "0000000000000038"]);
    expect(loaded.dataset.cases[0].variables.input).toBe("Why did the checkout latency regress this afternoon?");
  });

  it("says the trace is not there for {data: []}, {data: null} and an answer about another trace", () => {
    expect(evalDatasetFromJaeger({ data: [] }, TRACE, JAEGER, AT)).toEqual({ ok: false, message: `Jaeger at ${JAEGER} has no trace ${TRACE}.`, warnings: [] });
    expect(evalDatasetFromJaeger({ data: null, errors: [{ code: 404, msg: "trace not found" }] }, TRACE, JAEGER, AT)).toMatchObject({ ok: false, message: `Jaeger at ${JAEGER} has no trace ${TRACE}.` });
    expect(evalDatasetFromJaeger(answer, "0".repeat(31) + "1", JAEGER, AT)).toMatchObject({ ok: false, message: `Jaeger at ${JAEGER} has no trace ${"0".repeat(31)}1.` });
  });

  it("lists what it could not read when the trace has a bad span, and what a trace without prompts lacks", () => {
    const broken = structuredClone(answer);
    broken.data[0].spans[3].startTime = "yesterday";
    const result = evalDatasetFromJaeger(broken, TRACE, JAEGER, AT);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(new RegExp(`^Trace ${TRACE} from Jaeger at ${JAEGER} could not be read:\n  Jaeger's answer at data\\[0\\]\\.spans\\[3\\]\\.startTime: `));

    const noContent = structuredClone(answer);
    noContent.data[0].spans = noContent.data[0].spans.filter((s: { tags: { key: string }[] }) => !s.tags.some((t) => t.key === "gen_ai.input.messages"));
    expect(evalDatasetFromJaeger(noContent, TRACE, JAEGER, AT)).toMatchObject({ ok: false, message: `No exportable spans in trace ${TRACE}. Was content recording enabled?` });
  });
});
