// Which spans are LLM calls. GenAI instrumentations also wrap agents, tools, retrievers and
// chains in spans with gen_ai.* / OpenInference attributes; counting those as calls would
// double the token usage their child calls already report, and give "calls" with no model.
import type { Span } from "../otlp/span";
import { readString } from "./read-attribute";
import { readGenAiEvents } from "./read-genai-events";

/** `gen_ai.operation.name` values that are model calls. */
const CALL_OPERATIONS = new Set(["chat", "text_completion", "generate_content", "embeddings", "completion", "responses"]);

/** Operations of spans around calls (semantic conventions, plus LangSmith's run types). */
const WRAPPER_OPERATIONS = new Set(["invoke_agent", "create_agent", "invoke_workflow", "execute_tool", "retrieval", "chain", "tool", "retriever", "prompt", "parser"]);

/** OpenInference span kinds that are model calls; every other kind (CHAIN, AGENT, TOOL, ...) wraps them. */
const CALL_KINDS = new Set(["LLM", "EMBEDDING"]);

const MODEL_KEYS = ["gen_ai.request.model", "gen_ai.response.model", "llm.model_name"];
const CONTENT_KEYS = ["gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.prompt", "gen_ai.completion"];
const CONTENT_PREFIXES = ["gen_ai.prompt.", "gen_ai.completion.", "llm.input_messages.", "llm.output_messages."];

function recordsContent(span: Span): boolean {
  if (CONTENT_KEYS.some((key) => key in span.attributes)) return true;
  if (Object.keys(span.attributes).some((key) => CONTENT_PREFIXES.some((prefix) => key.startsWith(prefix)))) return true;
  const events = readGenAiEvents(span);
  return events.input.length > 0 || events.output.length > 0;
}

/**
 * Whether `span` is one call to a model. An OpenInference span kind or a GenAI operation name
 * decides when recorded; otherwise a model name or recorded prompt/completion does. Token
 * counts alone do not: agent and orchestration spans carry their children's totals.
 */
export function isLlmSpan(span: Span): boolean {
  const kind = readString(span.attributes["openinference.span.kind"]).toUpperCase();
  if (kind !== "") return CALL_KINDS.has(kind);
  const operation = readString(span.attributes["gen_ai.operation.name"]);
  if (CALL_OPERATIONS.has(operation)) return true;
  if (WRAPPER_OPERATIONS.has(operation)) return false;
  return MODEL_KEYS.some((key) => readString(span.attributes[key]) !== "") || recordsContent(span);
}
