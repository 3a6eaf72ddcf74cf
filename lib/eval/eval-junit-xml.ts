// An eval run as JUnit XML: a test case per dataset case. JUnit has no "inconclusive": such a
// case is skipped (not judged), never passed; a dataset that could not be loaded is an error.
import { attributes, element, seconds } from "../runner/junit-xml";
import type { EvalRun } from "./eval-result";
import { countCases } from "./eval-result";
import { failedAssertionLines } from "./format-eval-report";

interface SuiteCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  time: string;
}

function document(name: string, counts: SuiteCounts, timestamp: string | null, cases: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: "flowprint eval", ...counts })}>`,
    `  <testsuite${attributes({ name, ...counts, ...(timestamp ? { timestamp } : {}) })}>`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}

export function evalJunitXml(run: EvalRun, file: string): string {
  const counts = countCases(run.cases);
  const cases: string[] = [];
  for (const result of run.cases) {
    const body: string[] = [];
    const failed = result.assertions.filter((a) => a.status === "failed");
    const unjudged = [...result.reasons, ...result.assertions.filter((a) => a.status === "inconclusive").map((a) => `${a.label}: ${a.actual}`)];
    if (result.status === "failed") {
      const lines = [...failed.flatMap(failedAssertionLines), ...unjudged.map((r) => `not judged: ${r}`)];
      body.push(element("failure", { message: `${failed[0].label}: ${failed[0].actual}`, type: "assertion" }, lines.join("\n")));
    } else if (result.status === "inconclusive") {
      body.push(element("skipped", { message: `inconclusive: ${unjudged.join("; ")}` }, unjudged.join("\n")));
    }
    // The output itself is what a reader of a red build wants to see next.
    if (result.output !== null) body.push(element("system-out", {}, result.output));
    const open = `    <testcase${attributes({ name: result.id, classname: file, time: seconds(result.durationMs) })}`;
    if (body.length === 0) cases.push(`${open}/>`);
    else cases.push(`${open}>`, ...body.map((line) => `      ${line}`), "    </testcase>");
  }
  return document(run.dataset, { tests: run.cases.length, failures: counts.failed, errors: 0, skipped: counts.inconclusive, time: seconds(run.durationMs) }, run.startedAt, cases);
}

/** The report of a run that never started: the dataset or the responses file could not be loaded. */
export function evalLoadErrorJunitXml(file: string, message: string): string {
  const testcase = [
    `    <testcase${attributes({ name: file, classname: file, time: seconds(0) })}>`,
    `      ${element("error", { message: "the file could not be loaded", type: "load" }, message)}`,
    "    </testcase>",
  ];
  return document(file, { tests: 1, failures: 0, errors: 1, skipped: 0, time: seconds(0) }, null, testcase);
}
