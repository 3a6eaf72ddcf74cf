// The run as JUnit XML, the one report format every CI system reads. JUnit has no
// "inconclusive": such a test is skipped (not judged), never passed; a file that could not be
// loaded is an error, which CI tells apart from a failing test.
import { diagnosisLines, failureLines } from "./format-report";
import type { FileResult, TestRun } from "./test-run";

// XML 1.0 cannot carry other control characters at all, escaped or not.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Attribute values also lose their line breaks and tabs to normalization unless escaped. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

export const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join("");
}

export function element(name: string, attrs: Record<string, string | number>, text: string): string {
  return text === "" ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${escapeXmlText(text)}</${name}>`;
}

function testcaseBody(run: TestRun): string[] {
  const lines: string[] = [];
  if (run.status === "failed") {
    const failures = failureLines(run);
    // Why it failed leads: CI shows the message first, often alone.
    const why = diagnosisLines(run);
    const notes = run.reasons.map((r) => `note: ${r}`);
    // A setup failure is an error, not a failure: the flow under test never ran.
    const setup = run.setupFailures.length > 0;
    lines.push(element(setup ? "error" : "failure", { message: why[0] ?? failures[0] ?? "failed", type: setup ? "setup" : "failed" }, [...why, ...failures, ...notes].join("\n")));
  } else if (run.status === "inconclusive") {
    lines.push(element("skipped", { message: `inconclusive: ${run.reasons.join("; ")}` }, run.reasons.join("\n")));
  }
  const ids = [run.executionId && `execution ${run.executionId}`, run.traceId && `trace ${run.traceId}`].filter(Boolean).join("\n");
  if (ids) lines.push(element("system-out", {}, ids));
  return lines;
}

export interface JunitOptions {
  suiteName?: string;
  /** ISO time the run started. */
  timestamp?: string;
}

export function junitXml(results: readonly FileResult[], options: JunitOptions = {}): string {
  const suiteName = options.suiteName ?? "flowprint";
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  let totalMs = 0;
  const cases: string[] = [];
  for (const result of results) {
    if (result.kind === "error") {
      errors++;
      const { file, message } = result.error;
      cases.push(`    <testcase${attributes({ name: file, classname: file, time: seconds(0) })}>`);
      cases.push(`      ${element("error", { message: "the test file could not be loaded", type: "load" }, message)}`);
      cases.push("    </testcase>");
      continue;
    }
    const { run } = result;
    totalMs += run.durationMs;
    if (run.status === "failed" && run.setupFailures.length > 0) errors++;
    else if (run.status === "failed") failures++;
    if (run.status === "inconclusive") skipped++;
    const body = testcaseBody(run);
    const open = `    <testcase${attributes({ name: run.name, classname: run.file, time: seconds(run.durationMs) })}`;
    if (body.length === 0) cases.push(`${open}/>`);
    else cases.push(`${open}>`, ...body.map((line) => `      ${line}`), "    </testcase>");
  }
  const counts = { tests: results.length, failures, errors, skipped, time: seconds(totalMs) };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: suiteName, ...counts })}>`,
    `  <testsuite${attributes({ name: suiteName, ...counts, ...(options.timestamp ? { timestamp: options.timestamp } : {}) })}>`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
