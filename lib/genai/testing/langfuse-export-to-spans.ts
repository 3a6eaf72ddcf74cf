// Langfuse trace exports (`{"trace", "observations"}`) → Spans. Each observation ingested over
// OTLP keeps the span's attributes in `metadata.attributes`, its resource and scope beside them.
//
// Langfuse lifts the attributes it shows as an observation's input and output out of that
// metadata (worker OtelIngestionProcessor.extractInputAndOutput), so the span is rebuilt with
// them where the instrumentation that wrote them is known to use one attribute for each.
import { makeSpan } from "../../otlp/testing/make-span";
import type { Attributes, Span } from "../../otlp/span";

export interface LangfuseObservation {
  id: string;
  /** Langfuse's classification: GENERATION, SPAN, AGENT, TOOL, CHAIN, ... */
  type: string;
  name: string;
  /** The instrumentation scope that wrote the span. */
  scope: string;
  span: Span;
  /** Attributes put back from the observation's input and output. */
  restored: string[];
}

interface RawObservation {
  id: string;
  traceId: string;
  parentObservationId: string | null;
  type: string;
  name: string;
  startTime: string;
  endTime: string | null;
  level: string;
  statusMessage: string | null;
  input: unknown;
  output: unknown;
  metadata: string | Record<string, unknown> | null;
}

interface Metadata {
  attributes?: Attributes;
  resourceAttributes?: Attributes;
  scope?: { name?: string; version?: string; attributes?: Attributes };
}

/**
 * Where each instrumentation writes a call's content, by instrumentation scope: LangSmith's
 * OpenTelemetry exporter puts every run's inputs and outputs in `gen_ai.prompt` /
 * `gen_ai.completion`; pydantic-ai (≥1.0, whose `logfire.json_schema` attribute still lists the
 * lifted keys) and the Microsoft agent libraries follow the current GenAI conventions. Langfuse's
 * own SDK and the Vercel AI SDK write content to attributes of their own (`langfuse.observation.*`,
 * `ai.prompt.messages`), which are not restored: no GenAI convention holds them.
 */
const CONTENT_ATTRIBUTES: Record<string, { call: [string, string]; tool?: [string, string] }> = {
  langsmith: { call: ["gen_ai.prompt", "gen_ai.completion"] },
  "pydantic-ai": { call: ["gen_ai.input.messages", "gen_ai.output.messages"] },
  agent_framework: { call: ["gen_ai.input.messages", "gen_ai.output.messages"], tool: ["gen_ai.tool.call.arguments", "gen_ai.tool.call.result"] },
  "Experimental.Microsoft.Extensions.AI": { call: ["gen_ai.input.messages", "gen_ai.output.messages"], tool: ["gen_ai.tool.call.arguments", "gen_ai.tool.call.result"] },
};

/** Attributes Langfuse reads content from and leaves in metadata: when one is there, nothing was lifted. */
const KEPT_CONTENT = /^(input\.value|output\.value|events|all_messages_events|final_result|pydantic_ai\.all_messages|tool_arguments|tool_response|gen_ai\.prompt\.|gen_ai\.completion\.|llm\.input_messages\.|llm\.output_messages\.)/;

function parseMetadata(metadata: RawObservation["metadata"]): Metadata {
  if (metadata === null) return {};
  return typeof metadata === "string" ? (JSON.parse(metadata) as Metadata) : (metadata as Metadata);
}

function restoreContent(observation: RawObservation, scope: string, attributes: Attributes): string[] {
  const places = CONTENT_ATTRIBUTES[scope];
  if (!places || Object.keys(attributes).some((key) => KEPT_CONTENT.test(key))) return [];
  const isTool = attributes["gen_ai.operation.name"] === "execute_tool";
  const keys = isTool ? places.tool : places.call;
  if (!keys) return [];
  const restored: string[] = [];
  for (const [key, value] of [
    [keys[0], observation.input],
    [keys[1], observation.output],
  ] as const) {
    if (value === null || value === undefined || key in attributes) continue;
    // An OTLP attribute holding messages is a string; Langfuse sometimes stores it parsed.
    attributes[key] = typeof value === "string" ? value : JSON.stringify(value);
    restored.push(key);
  }
  return restored;
}

const isoToNs = (iso: string) => BigInt(Date.parse(iso)) * 1_000_000n;

function toObservation(raw: RawObservation): LangfuseObservation {
  const metadata = parseMetadata(raw.metadata);
  const attributes: Attributes = { ...(metadata.attributes ?? {}) };
  const scope = metadata.scope?.name ?? "";
  const restored = restoreContent(raw, scope, attributes);
  const resourceAttributes = metadata.resourceAttributes ?? {};
  const service = typeof resourceAttributes["service.name"] === "string" ? resourceAttributes["service.name"] : "unknown";
  const startNs = isoToNs(raw.startTime);
  const span = makeSpan({
    traceId: raw.traceId,
    spanId: raw.id,
    parentSpanId: raw.parentObservationId ?? "",
    service,
    name: raw.name,
    status: raw.level === "ERROR" ? "error" : "unset",
    statusMessage: raw.statusMessage ?? "",
    startNs,
    endNs: raw.endTime ? isoToNs(raw.endTime) : startNs,
    attributes,
    resource: { attributes: resourceAttributes, droppedAttributesCount: 0, schemaUrl: "" },
    scope: { name: scope, version: metadata.scope?.version ?? "", attributes: metadata.scope?.attributes ?? {}, droppedAttributesCount: 0, schemaUrl: "" },
  });
  return { id: raw.id, type: raw.type, name: raw.name, scope, span, restored };
}

/** The observations of a Langfuse trace export, each as the span it was ingested from. */
export function langfuseExportToObservations(document: { observations: RawObservation[] }): LangfuseObservation[] {
  return document.observations.map(toObservation);
}
