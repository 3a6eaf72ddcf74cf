// A variant is taken when an attribute has a value ("loyalty is called only when
// customer.tier = gold"). When nothing the exported request sends carries that value (not the
// URL, a header or the body), the recording missed what chose the branch, and the test may
// well take another path: said at the trigger, not discovered as a failure.
import type { VariantExplanation } from "../drift/explain-variants";
import type { FlowprintTest } from "./flowprint-test.schema";
import type { ExportNote } from "./plan-setup";

function scalars(value: unknown, depth = 0): string[] {
  if (value === null || value === undefined || depth > 8) return [];
  if (typeof value !== "object") return [String(value)];
  return Object.values(value as Record<string, unknown>).flatMap((v) => scalars(v, depth + 1));
}

export function noteUnreachableBranches(test: FlowprintTest, explanations: readonly VariantExplanation[]): ExportNote[] {
  const trigger = test.trigger;
  const url = trigger.url.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(test.variables[name] ?? ""));
  const sent = [url, ...Object.values(trigger.headers ?? {}), ...scalars(trigger.body)];
  const seen = new Set<string>();
  const notes: ExportNote[] = [];
  for (const explanation of explanations) {
    const key = `${explanation.attribute}=${explanation.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (sent.some((text) => text === explanation.value || text.includes(explanation.value))) continue;
    notes.push({
      path: ["trigger"],
      message: `this variant is taken when ${key} (${explanation.text}); nothing this request sends carries "${explanation.value}", so the recording missed what chose the branch and the test may take another path. Record the request's body or headers (README: Recording bodies), or set them here.`,
    });
  }
  return notes;
}
