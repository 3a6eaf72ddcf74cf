// Reading a Flowprint test file: YAML syntax errors and schema violations both come back with
// the line (and column) they are on, so a user can fix the file without guessing.
import { formatFileProblems, loadYamlWithSchema, type FileProblem } from "../format/load-yaml-with-schema";
import { flowprintTestSchema, type FlowprintTest } from "./flowprint-test.schema";

export type TestFileProblem = FileProblem;

export type LoadResult = { ok: true; test: FlowprintTest } | { ok: false; problems: TestFileProblem[] };

export function loadFlowprintTest(text: string): LoadResult {
  const loaded = loadYamlWithSchema(text, flowprintTestSchema);
  return loaded.ok ? { ok: true, test: loaded.value } : loaded;
}

export const formatProblems = formatFileProblems;
