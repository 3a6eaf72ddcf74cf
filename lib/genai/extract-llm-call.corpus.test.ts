// extractLlmCall over real spans from other projects (tests/fixtures/corpora/genai): Langfuse's
// framework traces, whose chatml files say which chat messages each observation holds; the
// OpenInference fixtures; the Jaeger UI GenAI traces; the OpenTelemetry semconv examples.
import { describe, expect, it } from "vitest";
import { extractLlmCall } from "./extract-llm-call";
import type { ChatMessage, LlmCall } from "./llm-call";
import { chatmlMessages, comparableMessages, withoutOneSidedDetails, type ComparableMessage } from "./testing/chatml-messages";
import {
  JAEGER_UI,
  OPENINFERENCE,
  langfuseTraceNames,
  readChatml,
  readCorpusSpans,
  readLangfuseObservations,
  spanFiles,
} from "./testing/read-genai-corpus";

/**
 * Traces whose content no span attribute of any GenAI convention holds, so there is nothing to
 * extract it from: it reached Langfuse through attributes of the tracing library's own.
 */
const CONTENT_OUTSIDE_CONVENTIONS: Record<string, string> = {
  "langgraph-js-2025-10-30": "Langfuse's LangChain callback writes `langfuse.observation.input/output` only",
  "langgraph-python-2025-08-22": "Langfuse's LangChain callback writes `langfuse.observation.input/output` only",
  "vercel-aisdk-2025-11-17": "the Vercel AI SDK records content in `ai.prompt.messages` / `ai.response.*`",
};

/** Observation sides whose chatml was rendered from data the span also records differently. */
const RENDERED_FROM_OTHER_DATA: Record<string, string> = {
  "google-adk-2025-08-28/bded677884f031ce/input":
    "Langfuse renders the raw Gemini request (`gcp.vertex.agent.llm_request`), which sends the say_hello result under role `user`; OpenInference's llm.input_messages record that message as role `tool`",
};

/**
 * Traces whose system instructions Langfuse does not render in the chatml input, while the span
 * records them and extraction (rightly) leads the input with them.
 */
const INSTRUCTIONS_NOT_RENDERED: Record<string, string> = {
  "csharp-agent-with-gemini-2026-03-09": "`gen_ai.system_instructions` stays in Langfuse's metadata",
  "openai-agents-2025-09-30": "the Responses API `instructions` are llm.input_messages.0, but Langfuse renders `input.value`, which lacks them",
};

type Outcome = "matched" | "mismatched" | "not a call" | "no chat messages rendered" | "content outside conventions" | "rendered from other data";

interface SideResult {
  key: string;
  observationType: string;
  outcome: Outcome;
  actual?: ComparableMessage[];
  expected?: ComparableMessage[];
}

function compareSide(name: string, messages: ChatMessage[], expected: ComparableMessage[]): [ComparableMessage[], ComparableMessage[]] {
  let actual = comparableMessages(messages);
  if (name in INSTRUCTIONS_NOT_RENDERED && expected[0]?.role !== "system") {
    const firstOther = actual.findIndex((m) => m.role !== "system");
    actual = actual.slice(firstOther === -1 ? actual.length : firstOther);
  }
  return withoutOneSidedDetails(actual, expected);
}

/** Every chatml side Langfuse rendered successfully for a trace, against what extraction reads from the span. */
function compareTrace(name: string): SideResult[] {
  const chatml = readChatml(name);
  const results: SideResult[] = [];
  for (const observation of readLangfuseObservations(name)) {
    const entry = chatml[observation.id];
    if (!entry) continue;
    const call = extractLlmCall(observation.span);
    for (const side of ["input", "output"] as const) {
      const rendered = entry[side];
      if (!rendered?.success) continue;
      const key = `${name}/${observation.id}/${side}`;
      const result = (outcome: Outcome, extra: Partial<SideResult> = {}) => results.push({ key, observationType: observation.type, outcome, ...extra });
      const expected = chatmlMessages(rendered.data);
      if (expected.length === 0) result("no chat messages rendered");
      else if (name in CONTENT_OUTSIDE_CONVENTIONS) result("content outside conventions");
      else if (call === null) result("not a call");
      else {
        const [actual, aligned] = compareSide(name, call[side], expected);
        const same = JSON.stringify(actual) === JSON.stringify(aligned);
        if (key in RENDERED_FROM_OTHER_DATA) result(same ? "matched" : "rendered from other data", { actual, expected: aligned });
        else result(same ? "matched" : "mismatched", { actual, expected: aligned });
      }
    }
  }
  return results;
}

const count = (results: SideResult[], outcome: Outcome) => results.filter((r) => r.outcome === outcome).length;

describe(`real GenAI spans in tests/fixtures/corpora/genai`, () => {
  it("reads spans from the 28 files that hold them", () => {
    expect(spanFiles()).toHaveLength(28);
  });

  it.each(spanFiles())("%s reads as spans, each extracted without throwing", (file) => {
    const spans = readCorpusSpans(file);
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) extractLlmCall(span);
  });

  describe("Langfuse framework traces: extracted messages match Langfuse's chatml rendering", () => {
    it.each(langfuseTraceNames())("%s", (name) => {
      for (const result of compareTrace(name)) {
        if (result.outcome === "mismatched") expect(result.actual, result.key).toEqual(result.expected);
        // Spans that are not calls are agents, chains and tools wrapping them, never Langfuse generations.
        if (result.outcome === "not a call") expect(result.observationType, result.key).not.toBe("GENERATION");
        // An exception that starts matching is stale and must be removed.
        if (result.outcome === "rendered from other data") expect(result.actual, result.key).not.toEqual(result.expected);
      }
    });

    it("covers every rendered observation side, with the exceptions named above", () => {
      const results = langfuseTraceNames().flatMap(compareTrace);
      const generationSides = results.filter((r) => r.observationType === "GENERATION" && r.outcome !== "no chat messages rendered");
      expect({
        matched: count(results, "matched"),
        mismatched: count(results, "mismatched"),
        notACall: count(results, "not a call"),
        noChatMessagesRendered: count(results, "no chat messages rendered"),
        contentOutsideConventions: count(results, "content outside conventions"),
        renderedFromOtherData: count(results, "rendered from other data"),
        generationSidesMatched: `${count(generationSides, "matched")}/${generationSides.length}`,
      }).toEqual({
        matched: 47,
        mismatched: 0,
        notACall: 13,
        noChatMessagesRendered: 24,
        contentOutsideConventions: 29,
        renderedFromOtherData: 1,
        generationSidesMatched: "47/59",
      });
    });

    it("finds a call in exactly the observations Langfuse classed as generations, where the span recorded any GenAI attribute", () => {
      const disagreements = langfuseTraceNames().flatMap((name) =>
        readLangfuseObservations(name)
          .filter((o) => (extractLlmCall(o.span) !== null) !== (o.type === "GENERATION"))
          .map((o) => `${name}/${o.id} ${o.type} scope=${o.scope} attributes=${Object.keys(o.span.attributes).length}`),
      );
      // Generations written by Langfuse's own SDK carry no span attributes at all, and the Vercel
      // AI SDK's outer `ai.generateText` span only `ai.*` ones; its inner doGenerate span is the call.
      expect(disagreements).toEqual([
        "agno-2025-06-11/fc7f61b57ecebbaf GENERATION scope=langfuse-sdk attributes=0",
        "agno-2025-06-11/1f883bb9668167c0 GENERATION scope=langfuse-sdk attributes=0",
        "autogen-2025-06-06/83517f9062f5ada4 GENERATION scope=langfuse-sdk attributes=0",
        "langgraph-js-2025-10-30/0856a1825ccee968 GENERATION scope=langfuse-sdk attributes=0",
        "langgraph-js-2025-10-30/8f0ee27d91863fde GENERATION scope=langfuse-sdk attributes=0",
        "langgraph-python-2025-08-22/4f6535aaebcda355 GENERATION scope=langfuse-sdk attributes=0",
        "langgraph-python-2025-08-22/5ba09605e0929d78 GENERATION scope=langfuse-sdk attributes=0",
        "vercel-aisdk-2025-11-17/1dc6768109615657 GENERATION scope=ai attributes=10",
      ]);
    });
  });

  describe("OpenInference's fixtures: one call recorded under four conventions", () => {
    /** The call every fixture records, read by hand from the files. */
    const weatherInput: ChatMessage[] = [
      { role: "user", content: "Weather in Paris?" },
      { role: "assistant", content: "Absolutely! Let me check the weather for you.", toolCalls: [{ id: "1234", name: "get_weather", arguments: '{"location":"Paris"}' }] },
      { role: "tool", content: "rainy, 57°F", toolCallId: "1234" },
    ];
    const weatherOutput: ChatMessage[] = [{ role: "assistant", content: "The weather in Paris is currently rainy with a temperature of 57°F." }];
    const fixtures: [string, Partial<LlmCall>][] = [
      ["openinference_client_span_tool_calls", { convention: "openinference_messages", model: "gpt-4-0613", provider: "openai", operation: "" }],
      ["openinference_client_span_input_output_only", { convention: "openinference_value", model: "gpt-4-0613", provider: "openai", operation: "" }],
      // The GenAI spans record the requested `gpt-4` beside the response's `gpt-4-0613`.
      ["otel_genai_client_span_tool_calls", { convention: "otel_genai_messages", model: "gpt-4", provider: "openai", operation: "chat" }],
      ["otel_genai_deprecated_client_span_tool_calls", { convention: "otel_genai_prompt", model: "gpt-4", provider: "openai", operation: "chat" }],
    ];

    it.each(fixtures)("%s", (fixture, expected) => {
      const [span] = readCorpusSpans(`${OPENINFERENCE}${fixture}.json`);
      expect(extractLlmCall(span)).toMatchObject({ ...expected, inputTokens: 97, outputTokens: 52, input: weatherInput, output: weatherOutput });
    });

    it("otel_genai_tool_execution_span is a tool run, not a call", () => {
      const [span] = readCorpusSpans(`${OPENINFERENCE}otel_genai_tool_execution_span.json`);
      expect(extractLlmCall(span)).toBeNull();
    });
  });

  describe("Jaeger UI's GenAI traces", () => {
    const callsIn = (file: string) => readCorpusSpans(file).map(extractLlmCall).filter((c): c is LlmCall => c !== null);

    it("TraceFlamegraph genaiTestTrace (Jaeger JSON, chat-completions messages): the chat span and a call that recorded no content", () => {
      const calls = callsIn(`${JAEGER_UI}components__TracePage__TraceFlamegraph__genaiTestTrace.json`);
      expect(calls.map((c) => c.spanId)).toEqual(["span-chat", "span-partial-1"]);
      const [chat, partial] = calls;
      expect(chat).toMatchObject({
        service: "ai-agent-service",
        operation: "chat",
        model: "gpt-4o",
        provider: "",
        inputTokens: 1500,
        outputTokens: 450,
        startMs: 1_700_000_000_500,
        durationMs: 2000,
        isError: false,
        convention: "otel_genai_messages",
      });
      expect(chat.input.map((m) => m.role)).toEqual(["system", "user", "assistant"]);
      expect(chat.input[1].content).toMatch(/^Can you explain how to set up an OpenTelemetry collector/);
      expect(chat.output).toEqual([
        { role: "assistant", content: "Setting up OpenTelemetry with Jaeger involves three main components: your instrumented Go application, the OpenTelemetry Collector, and the Jaeger backend..." },
      ]);
      expect(partial).toMatchObject({ service: "simple-llm-service", provider: "openai", operation: "chat", model: "", inputTokens: null, outputTokens: null, input: [], output: [], convention: null });
    });

    it("TraceTimelineViewer genaiTestTrace (Jaeger JSON, parts and system instructions): five chat calls among 57 spans", () => {
      const calls = callsIn(`${JAEGER_UI}components__TracePage__TraceTimelineViewer__genaiTestTrace.json`);
      expect(calls.map((c) => [c.spanId, c.service, c.model, c.provider, c.inputTokens, c.outputTokens, c.convention])).toEqual([
        ["0000000000000005", "coding-agent", "model-a", "example-ai", 1840, 260, "otel_genai_messages"],
        ["0000000000000014", "coding-agent", "model-a", "example-ai", 1840, 260, "otel_genai_messages"],
        ["0000000000000023", "coding-agent", "model-a", "example-ai", 1840, 260, "otel_genai_messages"],
        ["0000000000000036", "summarizer-agent", "model-b", "example-ai", 920, 140, "otel_genai_messages"],
        ["0000000000000038", "coding-agent", "model-a", "example-ai", 1840, 260, "otel_genai_messages"],
      ]);
      expect(calls[0].input).toEqual([
        { role: "system", content: "You are a triage assistant. Use the available tools before answering." },
        { role: "user", content: "Why did the checkout latency regress this afternoon?" },
      ]);
      expect(calls[3].output).toEqual([{ role: "assistant", content: "A pod rollout at 14:05 slowed checkout; latency recovered once it completed." }]);
    });

    it("gen-ai agent-trace (OTLP/JSON, flat gen_ai.prompt / gen_ai.completion): three chat calls; tool, retrieval and HTTP spans are not calls", () => {
      const calls = callsIn(`${JAEGER_UI}utils__gen-ai____fixtures____agent-trace.json`);
      expect(calls.map((c) => [c.spanId, c.model, c.provider, c.inputTokens, c.outputTokens, c.convention])).toEqual([
        ["2222222222222222", "meta-llama/Llama-3.1-8B-Instruct", "huggingface", 312, 128, "otel_genai_prompt"],
        ["5555555555555555", "meta-llama/Llama-3.1-8B-Instruct", "huggingface", 589, 94, "otel_genai_prompt"],
        ["8888888888888888", "meta-llama/Llama-3.1-8B-Instruct", "huggingface", 201, 67, "otel_genai_prompt"],
      ]);
      expect(calls[2]).toMatchObject({ service: "incident-response-agent", durationMs: 1500, input: [{ role: "user", content: "Summarise the incident response taken so far in 3 bullet points." }] });
      expect(calls[0].output[0].content).toMatch(/^1\. Runaway goroutine or thread pool saturation/);
    });
  });
});
