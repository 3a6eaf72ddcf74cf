// One entry for both export formats: the YAML text and the file name users download it as.
import { buildFlowprintTest, type ExportableFlow, type ExportOptions, type RepresentativeEntry } from "./build-flowprint-test";
import { buildTestmeshFlow } from "./build-testmesh-flow";
import { FLOWPRINT_TEST_SCHEMA_ID } from "./flowprint-test.schema";
import { renderTestYaml } from "./render-test-yaml";

export const EXPORT_FORMATS = ["flowprint", "testmesh"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `checkout → POST /orders` → `checkout-post-orders`. */
export function fileNameOf(flowName: string): string {
  const slug = flowName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100);
  return `${slug || "flow"}.yaml`;
}

export function exportFlow(flow: ExportableFlow, entry: RepresentativeEntry | null, format: ExportFormat, options: ExportOptions): { yaml: string; file_name: string; format: ExportFormat } {
  const file_name = fileNameOf(flow.name);
  if (format === "testmesh") {
    return { format, file_name, yaml: renderTestYaml(buildTestmeshFlow(flow), [`TestMesh flow exported by Flowprint from "${flow.name}"`]) };
  }
  const yaml = renderTestYaml(buildFlowprintTest(flow, entry, options), [
    `Flowprint test exported from the flow "${flow.name}".`,
    `Schema: ${FLOWPRINT_TEST_SCHEMA_ID}`,
    `Run: npx flowprint run ${file_name} --base-url <url of the system> --server <url of Flowprint> --workspace <workspace>`,
  ]);
  return { format, file_name, yaml };
}
