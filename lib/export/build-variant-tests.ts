// Every variant of one entry point as its own runnable test (a test file has one trigger, and
// each variant is reached by its own request): the variant's export, plus trace_assert lines
// that state why the traffic takes this path, when lib/drift/explain-variants found a reason.
// A variant without one still exports, as a plain path test, and the reason is said.
import type { VariantExplanation } from "../drift/explain-variants";
import { nodeKey } from "../traces/node-key";
import { explanationAssertions } from "./assert-explanation";
import type { ExportableFlow, RepresentativeEntry } from "./build-flowprint-test";
import { exportFlow, type FlowExportOptions } from "./export-flow";

export interface VariantToExport {
  flow: ExportableFlow;
  entry: RepresentativeEntry | null;
  variantLabel: string | null;
  /** The representative trace's entry attributes as explanations read them; null when not stored. */
  entryAttributes: Readonly<Record<string, string>> | null;
}

export interface VariantTestFile {
  yaml: string;
  file_name: string;
  flow_id: string;
  variant_label: string | null;
  /** The explanations the file asserts, as sentences. */
  explanations: string[];
  warnings: string[];
}

export interface VariantTests {
  files: VariantTestFile[];
  /** Per variant: why its file is a plain path test, when it is. */
  warnings: string[];
}

export const PLAIN_PATH_TEST = "no explanation: plain path test";

function sameStatement(a: VariantExplanation, b: VariantExplanation): boolean {
  return nodeKey(a.node) === nodeKey(b.node) && a.effect === b.effect && a.attribute === b.attribute && a.value === b.value;
}

/** Why `explanation` cannot be asserted on a replay of this variant's representative, or null. */
function unusableBecause(variant: VariantToExport, explanation: VariantExplanation): string | null {
  const { entry, entryAttributes } = variant;
  if (entry === null) return "its representative trace is no longer stored, so the recorded request is unknown";
  if (entry.journey && entry.journey.length > 0) return "its entry span is the client the test plays, so the run's trace has no entry span to read the attribute from";
  if (entryAttributes === null) return "its representative trace has no entry attributes stored";
  const seen = entryAttributes[explanation.attribute];
  // The rule holds for at least 90% of the traces, not all: replaying an exception would fail it.
  if (seen !== explanation.value) {
    return `its recorded request has ${seen === undefined ? `no \`${explanation.attribute}\`` : `\`${explanation.attribute} = ${seen}\``}, an exception to \`${explanation.attribute} = ${explanation.value}\``;
  }
  return null;
}

/** `variants` are the entry point's flows; `explanations` its cached ones (variantId = fingerprint). */
export function buildVariantTests(variants: readonly VariantToExport[], explanations: readonly VariantExplanation[], options: FlowExportOptions): VariantTests {
  const warnings: string[] = [];
  const files = variants.map((variant): VariantTestFile => {
    const { flow } = variant;
    const own = explanations.filter((e, i) => e.variantId === flow.fingerprint && explanations.findIndex((o) => o.variantId === e.variantId && sameStatement(o, e)) === i);
    const asserted: VariantExplanation[] = [];
    const reasons: string[] = [];
    for (const explanation of own) {
      const reason = unusableBecause(variant, explanation);
      if (reason === null) asserted.push(explanation);
      else reasons.push(`${explanation.text} is not asserted: ${reason}`);
    }
    const identity = { entryService: flow.entryService, entryOperation: flow.entryOperation };
    const extraAssertions = asserted.flatMap((e) => explanationAssertions(identity, e, variant.entry?.attributes ?? {}));
    const exported = exportFlow(flow, variant.entry, "flowprint", { ...options, extraAssertions, explanations: own });

    const fileWarnings = [...exported.warnings, ...reasons];
    let header: string[];
    if (asserted.length > 0) {
      header = [
        `Why this variant: ${asserted.map((e) => e.text).join("; ")}.`,
        `The last ${extraAssertions.length} trace_assert lines check it both ways: the value implies the path, and the path implies the value.`,
      ];
      warnings.push(...reasons.map((reason) => `${flow.name}: ${reason}`));
    } else {
      const why = own.length === 0 ? (variants.length === 1 ? "the entry point has no other variant" : "nothing in the entry span's attributes sets it apart") : reasons.join("; ");
      header = [`${capitalize(PLAIN_PATH_TEST)} (${why}).`];
      warnings.push(`${flow.name}: ${PLAIN_PATH_TEST} (${why})`);
      if (own.length === 0) fileWarnings.push(`${PLAIN_PATH_TEST} (${why})`);
    }
    return {
      yaml: addHeaderComments(exported.yaml, header),
      file_name: exported.file_name,
      flow_id: flow.id,
      variant_label: variant.variantLabel,
      explanations: asserted.map((e) => e.text),
      warnings: fileWarnings,
    };
  });
  return { files, warnings };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Comment lines after the file's own header comments, before its first line of YAML. */
function addHeaderComments(yaml: string, lines: readonly string[]): string {
  const all = yaml.split("\n");
  const firstContent = all.findIndex((line) => !line.startsWith("#"));
  const at = firstContent === -1 ? all.length : firstContent;
  // A recorded value may hold a line break, which would end the comment.
  return [...all.slice(0, at), ...lines.map((line) => `# ${line.replace(/[\r\n\u2028\u2029]+/g, " ")}`), ...all.slice(at)].join("\n");
}
