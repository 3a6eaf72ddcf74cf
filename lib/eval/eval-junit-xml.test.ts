import { describe, expect, it } from "vitest";
import { evalJunitXml, evalLoadErrorJunitXml } from "./eval-junit-xml";
import { sampleRun } from "./eval-results.fixture";

/** Elements by name with their attributes, in document order. */
function elements(xml: string, name: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${name}((?:\\s+[\\w-]+="[^"]*")*)\\s*/?>`, "g"))].map((m) =>
    Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  );
}

describe("evalJunitXml", () => {
  const xml = evalJunitXml(sampleRun, "evals/support.eval.yaml");

  it("counts cases, failures and skipped (inconclusive) at both levels", () => {
    const counts = { tests: "3", failures: "1", errors: "0", skipped: "1", time: "2.334" };
    expect(elements(xml, "testsuites")).toEqual([{ name: "flowprint eval", ...counts }]);
    expect(elements(xml, "testsuite")).toEqual([{ name: "exported-trace-4bf92f35", ...counts, timestamp: "2026-03-01T10:00:00.000Z" }]);
    expect(elements(xml, "testcase")).toEqual([
      { name: "case-1", classname: "evals/support.eval.yaml", time: "0.830" },
      { name: "case-2", classname: "evals/support.eval.yaml", time: "1.500" },
      { name: "case-3", classname: "evals/support.eval.yaml", time: "0.004" },
    ]);
  });

  it("describes a failure by its assertions, escaped, with the output alongside", () => {
    expect(elements(xml, "failure")).toEqual([{ message: "max_length 10: 28 characters: &quot;I cannot &lt;share&gt; that &amp; more&quot;", type: "assertion" }]);
    expect(xml).toContain("  expected: at most 10 characters\n");
    expect(xml).toContain('not judged: llm_judge "polite": no judge model configured</failure>');
    expect(xml).toContain("<system-out>I cannot &lt;share&gt; that &amp; more</system-out>");
  });

  it("skips an inconclusive case, never passes it", () => {
    expect(elements(xml, "skipped")).toEqual([{ message: 'inconclusive: the responses file has no output for case &quot;case-3&quot;' }]);
  });
});

describe("evalLoadErrorJunitXml", () => {
  it("reports the file that could not be loaded as an error", () => {
    const xml = evalLoadErrorJunitXml("x.eval.yaml", "x.eval.yaml:3:9: source.type: bad");
    expect(elements(xml, "testsuites")).toEqual([{ name: "flowprint eval", tests: "1", failures: "0", errors: "1", skipped: "0", time: "0.000" }]);
    expect(elements(xml, "error")).toEqual([{ message: "the file could not be loaded", type: "load" }]);
    expect(xml).toContain("x.eval.yaml:3:9: source.type: bad</error>");
  });
});
