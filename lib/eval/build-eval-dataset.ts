// LLM calls read from traces → an eval dataset: one case per call that recorded its prompt, in
// the order the calls started, with what is needed to replay it and a baseline of assertions
// from what production answered.
import type { ChatMessage, LlmCall } from "../genai/llm-call";
import { baselineAssertions } from "./baseline-assertions";
import type { EvalCase, EvalDataset, EvalMessage, EvalSource } from "./eval-dataset.schema";

export class NoExportableSpansError extends Error {
  readonly traceId: string | null;

  constructor(traceId: string | null) {
    super(`No exportable spans in ${traceId ? `trace ${traceId}` : "the selection"}. Was content recording enabled?`);
    this.name = "NoExportableSpansError";
    this.traceId = traceId;
  }
}

export interface BuildEvalDatasetInput {
  calls: readonly LlmCall[];
  /** Defaults to `exported-trace-<first 8 hex of the trace id>` (or `exported-selection`). */
  name?: string;
  source: EvalSource;
  exportedAt: Date | string;
}

export function defaultDatasetName(source: EvalSource): string {
  return source.type === "trace" ? `exported-trace-${source.trace_id.slice(0, 8)}` : "exported-selection";
}

function recordedPrompt(call: LlmCall): boolean {
  // An embeddings call has no completion to compare a replay with.
  return call.operation !== "embeddings" && call.convention !== null && call.input.some((m) => m.content.trim() !== "");
}

function toEvalMessage(message: ChatMessage): EvalMessage {
  const out: EvalMessage = { role: message.role, content: message.content };
  if (message.toolCalls?.length) {
    out.tool_calls = message.toolCalls.map((c) => ({
      ...(c.id !== undefined ? { id: c.id } : {}),
      name: c.name,
      ...(c.arguments !== undefined ? { arguments: c.arguments } : {}),
    }));
  }
  if (message.toolCallId !== undefined) out.tool_call_id = message.toolCallId;
  return out;
}

/**
 * The editable input is the last user message. A prompt recorded without roles (a flat
 * `gen_ai.prompt`, `input.value`) is the input as a whole and keeps no messages: replaying it
 * sends the input as the only user message.
 */
function inputAndMessages(call: LlmCall): { input: string; messages: EvalMessage[] } {
  const lastUser = call.input.findLastIndex((m) => m.role === "user");
  if (lastUser === -1) {
    return { input: call.input.map((m) => m.content).filter((text) => text !== "").join("\n\n"), messages: [] };
  }
  return { input: call.input[lastUser].content, messages: call.input.map(toEvalMessage) };
}

export function completionText(call: LlmCall): string {
  return call.output.map((m) => m.content).join("\n");
}

// Lowercase ids match the schema; some exporters write them in uppercase.
const hex = (id: string) => id.toLowerCase();

function caseOf(call: LlmCall, index: number): EvalCase {
  const { input, messages } = inputAndMessages(call);
  const completion = completionText(call);
  const testCase: EvalCase = {
    // toad-eye's ids, so a dataset reads the same from either tool; positional, so short enough to
    // type into a responses file. The span id stays alongside.
    id: `production-case-${index + 1}`,
    variables: { input },
    assertions: baselineAssertions(completion),
    messages,
  };
  if (call.output.length > 0) testCase.expected_output = completion;
  if (call.model) testCase.model = call.model;
  if (call.convention) testCase.convention = call.convention;
  testCase.trace_id = hex(call.traceId);
  testCase.span_id = hex(call.spanId);
  return testCase;
}

/** The value most calls share (the first seen on a tie); null when none is recorded. */
function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > counts.get(best)!) best = value;
  return best;
}

export function buildEvalDataset({ calls, name, source, exportedAt }: BuildEvalDatasetInput): EvalDataset {
  const exportable = calls.filter(recordedPrompt).sort((a, b) => a.startMs - b.startMs || a.spanId.localeCompare(b.spanId));
  if (exportable.length === 0) throw new NoExportableSpansError(source.type === "trace" ? source.trace_id : null);
  const traceIds = [...new Set(exportable.map((c) => hex(c.traceId)))];
  return {
    name: name ?? defaultDatasetName(source),
    source,
    metadata: {
      trace_id: source.type === "trace" ? source.trace_id : traceIds.length === 1 ? traceIds[0] : null,
      exported_at: typeof exportedAt === "string" ? exportedAt : exportedAt.toISOString(),
      model: mostCommon(exportable.map((c) => c.model)),
      provider: mostCommon(exportable.map((c) => c.provider)),
    },
    cases: exportable.map(caseOf),
  };
}
