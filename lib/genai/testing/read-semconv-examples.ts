// The example attribute values in OpenTelemetry's GenAI semantic conventions
// (docs/gen-ai/non-normative/examples-llm-calls.md): each `<span id="gen-ai-…">` label names the
// attribute of the ```json block after it, e.g. `gen-ai-input-messages-tool-call-span-2`.
import fs from "node:fs";
import path from "node:path";
import type { Attributes } from "../../otlp/span";
import { GENAI_CORPUS_DIR, SEMCONV } from "./read-genai-corpus";

const SEMCONV_EXAMPLES = `${SEMCONV}docs__gen-ai__non-normative__examples-llm-calls.md`;

const ATTRIBUTES: Record<string, string> = {
  "input-messages": "gen_ai.input.messages",
  "output-messages": "gen_ai.output.messages",
  "system-instructions": "gen_ai.system_instructions",
};

/** Each example's attributes (JSON strings, as instrumentations write them), by the label's suffix. */
export function readSemconvExamples(): Map<string, Attributes> {
  const text = fs.readFileSync(path.join(GENAI_CORPUS_DIR, SEMCONV_EXAMPLES), "utf8");
  const examples = new Map<string, Attributes>();
  // The document labels its one system-instructions value without the example's suffix; it
  // belongs to the example whose values follow it.
  let unclaimed: Attributes = {};
  for (const match of text.matchAll(/<span id="gen-ai-(input-messages|output-messages|system-instructions)-?([^"]*)">[\s\S]*?```json\n([\s\S]*?)```/g)) {
    const [, kind, suffix, json] = match;
    if (suffix === "") {
      unclaimed[ATTRIBUTES[kind]] = json;
      continue;
    }
    examples.set(suffix, { ...unclaimed, ...(examples.get(suffix) ?? {}), [ATTRIBUTES[kind]]: json });
    unclaimed = {};
  }
  return examples;
}
