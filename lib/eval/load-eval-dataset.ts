// Reading an eval dataset file, with every problem on its line and column.
import { evalDatasetSchema, type EvalDataset } from "./eval-dataset.schema";
import { loadYamlWithSchema, type FileProblem } from "../format/load-yaml-with-schema";

export type LoadEvalDatasetResult = { ok: true; dataset: EvalDataset } | { ok: false; problems: FileProblem[] };

export function loadEvalDataset(text: string): LoadEvalDatasetResult {
  const loaded = loadYamlWithSchema(text, evalDatasetSchema);
  return loaded.ok ? { ok: true, dataset: loaded.value } : loaded;
}

export { formatFileProblems as formatDatasetProblems, type FileProblem as DatasetProblem } from "../format/load-yaml-with-schema";
