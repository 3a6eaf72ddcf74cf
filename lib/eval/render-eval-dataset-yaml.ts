// YAML text of an eval dataset, with a header saying where it came from and how to run it.
import { stringify } from "yaml";
import type { EvalDataset } from "./eval-dataset.schema";

function header(dataset: EvalDataset): string[] {
  const origin = dataset.source.type === "trace" ? `trace ${dataset.source.trace_id}` : "a selection of LLM calls";
  return [
    `Flowprint eval dataset: ${dataset.cases.length} ${dataset.cases.length === 1 ? "case" : "cases"} exported from ${origin}.`,
    "Edit variables.input to try other inputs; the assertions started from production's answers.",
    "Run: npx flowprint eval run --dataset <this file> --model <model> --base-url <OpenAI-compatible /v1 URL>",
  ];
}

export function renderEvalDatasetYaml(dataset: EvalDataset): string {
  const comments = header(dataset).map((line) => `# ${line}`).join("\n");
  // lineWidth 0: prompts stay as written instead of being folded at 80 columns.
  return `${comments}\n${stringify(dataset, { lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" })}`;
}
