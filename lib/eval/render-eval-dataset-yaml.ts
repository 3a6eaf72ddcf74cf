// YAML text of an eval dataset, with a header saying where it came from and how to run it. The
// dataset is written as it is held: assertions as `{type, value}`, as toad-eye writes them, so
// what this writes loads back unchanged and toad-eye's runner reads the same shape.
import { stringify } from "yaml";
import type { EvalDataset } from "./eval-dataset.schema";

function origin(source: EvalDataset["source"]): string {
  if (typeof source === "string") return `"${source}"`;
  return source.type === "trace" ? `trace ${source.trace_id}` : "a selection of LLM calls";
}

function header(dataset: EvalDataset): string[] {
  return [
    `Flowprint eval dataset: ${dataset.cases.length} ${dataset.cases.length === 1 ? "case" : "cases"} exported from ${origin(dataset.source)}.`,
    "Edit variables.input to try other inputs; the assertions started from production's answers.",
    "Run: npx flowprint eval run --dataset <this file> --model <model>",
    "     (endpoint and key from OPENAI_BASE_URL and OPENAI_API_KEY, or FLOWPRINT_LLM_BASE_URL and FLOWPRINT_LLM_API_KEY)",
  ];
}

export function renderEvalDatasetYaml(dataset: EvalDataset): string {
  const comments = header(dataset).map((line) => `# ${line}`).join("\n");
  // lineWidth 0: prompts stay as written instead of being folded at 80 columns.
  return `${comments}\n${stringify(dataset, { lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" })}`;
}
