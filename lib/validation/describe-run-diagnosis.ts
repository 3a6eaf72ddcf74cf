// A run's diagnosis as the lines a person reads, the same in the runner's report, its JUnit
// failure and the dashboard: names in `backticks`, which the dashboard sets as code and a
// terminal drops.
import { formatDuration } from "../format/format-time";
import type { RunDiagnosis } from "./run-diagnosis";

export interface DiagnosisLine {
  label: "first divergence" | "error" | "slow";
  text: string;
}

/** A status message is the system's text: long ones are cut so a line stays a line. */
const MAX_MESSAGE_CHARS = 200;

const quoted = (message: string) => {
  const oneLine = message.replace(/\s+/g, " ").trim();
  return oneLine === "" ? "" : ` "${oneLine.length > MAX_MESSAGE_CHARS ? `${oneLine.slice(0, MAX_MESSAGE_CHARS - 1)}…` : oneLine}"`;
};

export function describeRunDiagnosis(diagnosis: RunDiagnosis | null | undefined): DiagnosisLine[] {
  if (!diagnosis) return [];
  const lines: DiagnosisLine[] = [];
  const divergence = diagnosis.first_divergence;
  if (divergence) lines.push({ label: "first divergence", text: `${divergence.step_id !== undefined ? `step ${divergence.step_id}: ` : ""}${divergence.summary}` });
  const chain = diagnosis.error_chain;
  if (chain) {
    const { origin } = chain;
    const gaveUp = origin.reason === "timeout_masked" ? " (its caller gave up waiting)" : "";
    const start = `starts at ${origin.service} \`${origin.operation}\`${quoted(origin.status_message)}${gaveUp}`;
    lines.push({ label: "error", text: [start, ...chain.links.map((l) => `${l.service} \`${l.operation}\``)].join(" → ") });
  }
  for (const slow of diagnosis.slow_nodes) {
    const figures = slow.baseline_p95_ms === null ? `budget ${formatDuration(slow.budget_ms)}, the default timeout` : `P95 ${formatDuration(slow.baseline_p95_ms)}, budget ${formatDuration(slow.budget_ms)}`;
    const child = slow.child;
    const where =
      child === null
        ? ""
        : child.span_id === slow.span_id
          ? `; \`${child.operation}\` itself took ${formatDuration(child.self_time_ms)}`
          : `; ${child.service} \`${child.operation}\` took ${formatDuration(child.duration_ms)} of it (${formatDuration(child.self_time_ms)} its own)`;
    lines.push({ label: "slow", text: `\`${slow.node}\` took ${formatDuration(slow.duration_ms)} (${figures})${where}` });
  }
  return lines;
}

/** Text for a terminal or a CI log: code marks dropped. */
export function withoutCodeMarks(text: string): string {
  return text.replace(/`/g, "");
}
