// What a diagnosis summary may say: the computed facts as short numbered sentences, bounded in
// number and length. Only these are sent to a model (never spans, payloads or attribute values
// beyond those the diagnosis itself found), and a summary cites them by number.
import { clipText } from "../../export/ai-draft/clip-text";
import type { Diagnosis } from "../diagnose-traces";
import type { AttributeContrast } from "../find-attribute-contrasts";

export interface DiagnosisFact {
  /** "F1", "F2", …: what a summary cites. */
  id: string;
  text: string;
}

const MAX_FACT_BYTES = 320;
const MAX_MESSAGE_BYTES = 160;
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

export function buildDiagnosisFacts(diagnosis: Diagnosis): DiagnosisFact[] {
  const texts: string[] = [];
  const { totals, errors, latency } = diagnosis;
  texts.push(
    `${totals.traces} traces in the window: ${totals.failing} failing (${percent(totals.traces === 0 ? 0 : totals.failing / totals.traces)}), ${totals.slow} slower than the P95 of ${ms(latency.slowThresholdMs)}.`,
  );
  for (const origin of errors.origins.filter((o) => o.role === "cause").slice(0, 5)) {
    const message = origin.statusMessage ? ` with "${clipText(origin.statusMessage, MAX_MESSAGE_BYTES)}"` : "";
    const masked = origin.reason === "timeout_masked" ? " (its caller timed out while it used the whole time budget)" : "";
    texts.push(`Errors start at ${origin.service} ${origin.operation}${message}${masked}: ${origin.traces} of ${diagnosis.sampled.failing} sampled failing traces (${percent(origin.share)}).`);
  }
  for (const chain of errors.chains.slice(0, 3)) {
    texts.push(`The error travels ${chain.steps.map((s) => `${s.service} ${s.operation}`).join(" → ")} (${chain.traces} traces).`);
  }
  texts.push(...contrastFacts(errors.contrasts, "failing", "passing"));
  if (errors.contrasts.length === 0 && errors.note) texts.push(errors.note);
  for (const node of latency.nodes.slice(0, 5)) {
    texts.push(
      `In slow traces, ${node.node.type} ${node.node.identifier} (${node.node.service}) takes ${ms(node.slowMedianMs)} of its own time against ${ms(node.restMedianMs)} in the rest: ${percent(node.extraShare)} of the extra time.`,
    );
  }
  texts.push(...contrastFacts(latency.contrasts, "slow", "other"));
  if (latency.contrasts.length === 0 && latency.note && totals.slow > 0) texts.push(latency.note);
  for (const pattern of diagnosis.patterns.slice(0, 3)) {
    const what = pattern.kind === "n_plus_one" ? `N+1 calls: about ${pattern.medianCalls} calls one after another to ${pattern.service} ${pattern.operation}` : `serial calls (${pattern.service} ${pattern.operation})`;
    texts.push(`${what}${pattern.caller ? ` from ${pattern.caller}` : ""}, in ${percent(pattern.share)} of sampled traces, costing about ${ms(pattern.medianCostMs)} per trace.`);
  }
  return texts.map((text, i) => ({ id: `F${i + 1}`, text: clipText(text, MAX_FACT_BYTES) }));
}

function contrastFacts(contrasts: readonly AttributeContrast[], group: string, rest: string): string[] {
  return contrasts.slice(0, 5).map((c) => {
    const where = c.source === "entry" ? "on the entry span" : `on ${c.source}`;
    return `${clipText(`${c.key} = ${c.value}`, MAX_MESSAGE_BYTES)} (${where}) is in ${percent(c.groupShare)} of ${group} traces and ${percent(c.restShare)} of ${rest} traces (${c.support} traces).`;
  });
}
