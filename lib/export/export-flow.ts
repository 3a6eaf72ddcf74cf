// One entry for both export formats: the YAML text and the file name users download it as.
import { buildFlowprintTest, STAND_IN_BASE_URL, type ExportableFlow, type ExportOptions, type RepresentativeEntry } from "./build-flowprint-test";
import { buildTestmeshFlow } from "./build-testmesh-flow";
import { exportFileName } from "./export-file-name";
import { FLOWPRINT_TEST_SCHEMA_ID } from "./flowprint-test.schema";
import { renderTestYaml } from "./render-test-yaml";

export const EXPORT_FORMATS = ["flowprint", "testmesh"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFlow {
  yaml: string;
  file_name: string;
  format: ExportFormat;
  /** The file's base_url when the trace recorded it (the run needs no --base-url), else null. */
  base_url: string | null;
}

export function exportFlow(flow: ExportableFlow, entry: RepresentativeEntry | null, format: ExportFormat, options: ExportOptions): ExportedFlow {
  const file_name = exportFileName(flow);
  if (format === "testmesh") {
    return { format, file_name, yaml: renderTestYaml(buildTestmeshFlow(flow), [`TestMesh flow exported by Flowprint from "${flow.name}"`]), base_url: null };
  }
  const test = buildFlowprintTest(flow, entry, options);
  const baseUrl = test.variables?.base_url;
  const recorded = typeof baseUrl === "string" && baseUrl !== STAND_IN_BASE_URL ? baseUrl : null;
  const yaml = renderTestYaml(test, [
    `Flowprint test exported from the flow "${flow.name}".`,
    `Schema: ${FLOWPRINT_TEST_SCHEMA_ID}`,
    recorded
      ? `Run: npx flowprint run ${file_name} --server <url of Flowprint> --workspace <workspace> (--base-url <url> to test another system than base_url)`
      : `Run: npx flowprint run ${file_name} --base-url <url of the system> --server <url of Flowprint> --workspace <workspace>`,
  ]);
  return { format, file_name, yaml, base_url: recorded };
}
