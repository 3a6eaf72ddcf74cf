// The one user message a draft starts from, bounded: the task, the deterministic export, the
// representative trace and the model slice, each within its share of the context budget.
import type { SystemModel } from "../../model/model-types";
import { byteLength, clipText } from "./clip-text";
import type { DraftBounds, DraftSpan } from "./draft-types";
import { renderModelSlice } from "./render-model-slice";
import type { ModelSlice } from "./slice-model";
import { summarizeTrace } from "./summarize-trace";

export interface DraftContextInput {
  /** What to write, in a sentence or two. */
  task: string;
  /** The deterministic export's YAML, when there is one. */
  deterministicYaml: string | null;
  /** The representative trace in tree order; empty when there is none. */
  spans: readonly DraftSpan[];
  slice: ModelSlice;
  model: SystemModel;
}

export interface DraftContext {
  message: string;
  /** What had to be cut to stay within the bounds, for the response's warnings. */
  notes: string[];
}

/** Shares of the context budget; the model slice gets what the others leave. */
const DETERMINISTIC_SHARE = 0.4;
const TRACE_SHARE = 0.25;

export function buildDraftContext(input: DraftContextInput, bounds: DraftBounds): DraftContext {
  const notes: string[] = [];
  const sections: string[] = [`# Task\n${input.task}`];
  if (input.deterministicYaml !== null) {
    const budget = Math.floor(bounds.maxContextBytes * DETERMINISTIC_SHARE);
    const yaml = clipText(input.deterministicYaml, budget);
    if (yaml !== input.deterministicYaml) notes.push(`The deterministic export is longer than ${budget} bytes; the model saw only its beginning.`);
    sections.push(`# Deterministic export (what Flowprint exports without a model)\n\`\`\`yaml\n${yaml.trimEnd()}\n\`\`\``);
  }
  if (input.spans.length > 0) {
    const trace = summarizeTrace(input.spans, { maxBodyBytes: bounds.maxBodyBytes, maxBytes: Math.floor(bounds.maxContextBytes * TRACE_SHARE) });
    if (trace.omittedSpans > 0) notes.push("The representative trace has more spans than fit in the context; the model saw the first ones.");
    sections.push(`# Representative trace (one line per span: [service] name (kind, status, duration) key attributes)\n${trace.text}`);
  }
  const heading = "# System model (the services involved, their entities)";
  const endpointNames = new Map(input.model.endpoints.map((e) => [e.id, `${e.method} ${e.route} (${e.service})`]));
  const used = byteLength(sections.join("\n\n")) + byteLength(heading) + 4;
  const slice = renderModelSlice(input.slice, endpointNames, { maxBodyBytes: bounds.maxBodyBytes, maxBytes: Math.max(0, bounds.maxContextBytes - used) });
  if (slice.omittedBlocks > 0) notes.push("The services involved have more endpoints and entities than fit in the context; the model saw the ones this test uses first.");
  // The model reads the model before the trace and the export it is asked to improve.
  const [task, ...rest] = sections;
  return { message: [task, `${heading}\n${slice.text}`, ...rest].join("\n\n"), notes };
}
