// One entry for both export formats: the YAML text and the file name users download it as.
import type { VariantExplanation } from "../drift/explain-variants";
import type { SystemModel } from "../model/model-types";
import { buildFlowprintTest, STAND_IN_BASE_URL, type ExportableFlow, type ExportOptions, type RepresentativeEntry } from "./build-flowprint-test";
import { buildTestmeshFlow } from "./build-testmesh-flow";
import { exportFileName } from "./export-file-name";
import { FLOWPRINT_TEST_SCHEMA_ID } from "./flowprint-test.schema";
import { noteUnreachableBranches } from "./note-unreachable-branches";
import { noteUnrecordedInputs } from "./note-unrecorded-inputs";
import { planSetup, type ExportNote } from "./plan-setup";
import { renderTestYaml } from "./render-test-yaml";

export const EXPORT_FORMATS = ["flowprint", "testmesh"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const SETUP_MODES = ["auto", "none"] as const;
export type SetupMode = (typeof SETUP_MODES)[number];

export interface ExportedFlow {
  yaml: string;
  file_name: string;
  format: ExportFormat;
  /** The file's base_url when the trace recorded it (the run needs no --base-url), else null. */
  base_url: string | null;
  /** What the file could not do as recorded, also written as comments where it applies. */
  warnings: string[];
}

export interface FlowExportOptions extends ExportOptions {
  /** auto: create the entities the trigger refers to first, when `model` knows how. */
  setup?: SetupMode;
  model?: SystemModel | null;
  /** What sets this variant apart from its entry point's others (lib/drift/explain-variants). */
  explanations?: readonly VariantExplanation[];
}

export function exportFlow(flow: ExportableFlow, entry: RepresentativeEntry | null, format: ExportFormat, options: FlowExportOptions): ExportedFlow {
  const file_name = exportFileName(flow);
  if (format === "testmesh") {
    return { format, file_name, yaml: renderTestYaml(buildTestmeshFlow(flow), [`TestMesh flow exported by Flowprint from "${flow.name}"`]), base_url: null, warnings: [] };
  }
  let test = buildFlowprintTest(flow, entry, options);
  const notes: ExportNote[] = [];
  const [method, ...routeParts] = flow.entryOperation.split(" ");
  const route = routeParts.join(" ");
  if ((options.setup ?? "auto") === "auto" && options.model && test.steps.length === 0 && route.startsWith("/")) {
    const planned = planSetup(test, options.model, { service: flow.entryService, method, route });
    test = planned.test;
    notes.push(...planned.notes);
  }
  notes.push(...noteUnrecordedInputs(test));
  notes.push(...noteUnreachableBranches(test, options.explanations ?? []));
  const baseUrl = test.variables?.base_url;
  const recorded = typeof baseUrl === "string" && baseUrl !== STAND_IN_BASE_URL ? baseUrl : null;
  const yaml = renderTestYaml(
    test,
    [
      `Flowprint test exported from the flow "${flow.name}".`,
      `Schema: ${FLOWPRINT_TEST_SCHEMA_ID}`,
      recorded
        ? `Run: npx flowprint run ${file_name} --server <url of Flowprint> --workspace <workspace> (--base-url <url> to test another system than base_url)`
        : `Run: npx flowprint run ${file_name} --base-url <url of the system> --server <url of Flowprint> --workspace <workspace>`,
      ...(test.setup.length > 0 ? [`Setup creates what the trigger needs first (${test.setup.map((s) => s.id).join(", ")}), so the test passes where the recorded ids do not exist.`] : []),
    ],
    notes,
  );
  return { format, file_name, yaml, base_url: recorded, warnings: notes.map((n) => n.message) };
}
