import { describe, expect, it } from "vitest";
import { buildEvalDataset, NoExportableSpansError } from "./build-eval-dataset";
import { evalDatasetSchema } from "./eval-dataset.schema";
import { llmCall, TRACE_ID } from "./sample-llm-calls.fixture";

const source = { type: "trace" as const, workspace: "default", trace_id: TRACE_ID };
const exportedAt = "2026-03-01T10:00:00.000Z";

describe("buildEvalDataset", () => {
  it("makes one case per call that recorded a prompt, named after the trace", () => {
    const dataset = buildEvalDataset({ calls: [llmCall()], source, exportedAt: new Date(exportedAt) });
    expect(dataset.name).toBe("exported-trace-4bf92f35");
    expect(dataset.source).toEqual(source);
    expect(dataset.metadata).toEqual({ trace_id: TRACE_ID, exported_at: exportedAt, model: "gpt-4o-2024-08-06", provider: "openai" });
    expect(dataset.cases).toHaveLength(1);
    const [only] = dataset.cases;
    expect(only.id).toBe("production-case-1");
    expect(only.variables).toEqual({ input: "It is A-1042." });
    expect(only.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(only.expected_output).toBe("Order A-1042 shipped yesterday and arrives Friday.");
    expect(only.assertions[0]).toEqual({ type: "max_length", value: 75 });
    expect(only).toMatchObject({ model: "gpt-4o-2024-08-06", convention: "otel_genai_messages", trace_id: TRACE_ID, span_id: "00f067aa0ba902b7" });
    expect(evalDatasetSchema.safeParse(dataset).success).toBe(true);
  });

  it("uses a given name", () => {
    expect(buildEvalDataset({ calls: [llmCall()], source, exportedAt, name: "checkout-bot" }).name).toBe("checkout-bot");
  });

  it("numbers cases in the order the calls started and skips calls without a prompt", () => {
    const calls = [
      llmCall({ spanId: "000000000000000b", startMs: 2_000, model: "gpt-4o-mini" }),
      llmCall({ spanId: "000000000000000c", startMs: 3_000, input: [], output: [], convention: null }),
      llmCall({ spanId: "000000000000000a", startMs: 1_000, model: "gpt-4o-mini" }),
      llmCall({ spanId: "000000000000000d", startMs: 4_000, operation: "embeddings" }),
      llmCall({ spanId: "000000000000000e", startMs: 500, model: "claude-sonnet", provider: "anthropic" }),
    ];
    const dataset = buildEvalDataset({ calls, source, exportedAt });
    expect(dataset.cases.map((c) => [c.id, c.span_id])).toEqual([
      ["production-case-1", "000000000000000e"],
      ["production-case-2", "000000000000000a"],
      ["production-case-3", "000000000000000b"],
    ]);
    expect(dataset.metadata.model).toBe("gpt-4o-mini");
  });

  it("takes a prompt without roles as the whole input and keeps no messages", () => {
    const call = llmCall({
      input: [
        { role: "", content: "Summarize: the parcel left the depot." },
        { role: "", content: "Be brief." },
      ],
      convention: "openinference_value",
    });
    const [only] = buildEvalDataset({ calls: [call], source, exportedAt }).cases;
    expect(only.variables.input).toBe("Summarize: the parcel left the depot.\n\nBe brief.");
    expect(only.messages).toEqual([]);
  });

  it("keeps tool calls and tool results for the replay", () => {
    const call = llmCall({
      input: [
        { role: "user", content: "Track A-1042" },
        { role: "assistant", content: "", toolCalls: [{ id: "call_1", name: "track", arguments: '{"id":"A-1042"}' }] },
        { role: "tool", content: '{"status":"shipped"}', toolCallId: "call_1" },
      ],
    });
    const [only] = buildEvalDataset({ calls: [call], source, exportedAt }).cases;
    expect(only.variables.input).toBe("Track A-1042");
    expect(only.messages[1]).toEqual({ role: "assistant", content: "", tool_calls: [{ id: "call_1", name: "track", arguments: '{"id":"A-1042"}' }] });
    expect(only.messages[2]).toEqual({ role: "tool", content: '{"status":"shipped"}', tool_call_id: "call_1" });
  });

  it("has no expected output and no length limit when the completion was not recorded", () => {
    const [only] = buildEvalDataset({ calls: [llmCall({ output: [] })], source, exportedAt }).cases;
    expect(only.expected_output).toBeUndefined();
    expect(only.assertions.some((a) => a.type === "max_length")).toBe(false);
  });

  it("throws NoExportableSpansError naming the trace when no call recorded a prompt", () => {
    const calls = [llmCall({ input: [], output: [], convention: null })];
    expect(() => buildEvalDataset({ calls, source, exportedAt })).toThrow(NoExportableSpansError);
    expect(() => buildEvalDataset({ calls, source, exportedAt })).toThrow(`No exportable spans in trace ${TRACE_ID}. Was content recording enabled?`);
    expect(() => buildEvalDataset({ calls: [], source, exportedAt })).toThrow(`No exportable spans in trace ${TRACE_ID}. Was content recording enabled?`);
  });

  it("exports a selection across traces with its filters, and no single trace id", () => {
    const other = "0af7651916cd43dd8448eb211c80319c";
    const selection = { type: "selection" as const, workspace: "default", service: "support-bot", model: "gpt-4o" };
    const dataset = buildEvalDataset({ calls: [llmCall(), llmCall({ traceId: other.toUpperCase(), spanId: "b7ad6b7169203331", startMs: 1_700_000_001_000 })], source: selection, exportedAt });
    expect(dataset.name).toBe("exported-selection");
    expect(dataset.metadata.trace_id).toBeNull();
    expect(dataset.cases.map((c) => c.trace_id)).toEqual([TRACE_ID, other]);
    expect(evalDatasetSchema.safeParse(dataset).success).toBe(true);
    expect(() => buildEvalDataset({ calls: [], source: selection, exportedAt })).toThrow("No exportable spans in the selection. Was content recording enabled?");
  });
});
