import { describe, expect, it } from "vitest";
import { escapeXmlAttribute, escapeXmlText, junitXml } from "./junit-xml";
import type { FileResult } from "./test-run";
import { diagnosedRun, failedRun, inconclusiveRun, passedRun } from "./sample-runs.fixture";

const results: FileResult[] = [
  { kind: "run", run: passedRun },
  { kind: "run", run: failedRun },
  { kind: "run", run: inconclusiveRun },
  { kind: "error", error: { file: "tests/bad.yaml", message: "tests/bad.yaml:2:3: trigger: Invalid input <here>" } },
];

/** Elements by name with their attributes, in document order: enough to check structure without an XML library. */
function elements(xml: string, name: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${name}((?:\\s+[\\w-]+="[^"]*")*)\\s*/?>`, "g"))].map((m) =>
    Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  );
}

describe("escaping", () => {
  it("escapes markup in text and quotes and line breaks in attributes", () => {
    expect(escapeXmlText(`a < b && c > "d"`)).toBe(`a &lt; b &amp;&amp; c &gt; "d"`);
    expect(escapeXmlAttribute(`say "hi" & 'bye'\n<tab>\t`)).toBe("say &quot;hi&quot; &amp; &apos;bye&apos;&#10;&lt;tab&gt;&#9;");
  });

  it("replaces characters XML 1.0 cannot carry", () => {
    expect(escapeXmlText("bell\u0007 nul\u0000 ok\u00e9 \ud83d\ude00 lone\ud800")).toBe("bell\ufffd nul\ufffd ok\u00e9 \ud83d\ude00 lone\ufffd");
  });
});

describe("junitXml", () => {
  const xml = junitXml(results, { timestamp: "2026-01-02T03:04:05.000Z" });

  it("counts tests, failures, errors and skipped at both levels", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    const counts = { tests: "4", failures: "1", errors: "1", skipped: "1", time: "34.734" };
    expect(elements(xml, "testsuites")).toEqual([{ name: "flowprint", ...counts }]);
    expect(elements(xml, "testsuite")).toEqual([{ name: "flowprint", ...counts, timestamp: "2026-01-02T03:04:05.000Z" }]);
  });

  it("has one testcase per file, named by test and classed by file", () => {
    expect(elements(xml, "testcase")).toEqual([
      { name: "orders → POST /orders", classname: "tests/orders.yaml", time: "1.234" },
      { name: "payments → POST /pay &lt;&quot;&amp;&quot;&gt;", classname: "tests/pay.yaml", time: "2.500" },
      { name: "shipping → POST /ship", classname: "tests/ship.yaml", time: "31.000" },
      { name: "tests/bad.yaml", classname: "tests/bad.yaml", time: "0.000" },
    ]);
  });

  it("puts a failure's first problem in its message and all of them in its text", () => {
    expect(elements(xml, "failure")).toEqual([{ message: "trigger post_pay: expected status 201, got 500", type: "failed" }]);
    const text = /<failure[^>]*>([^<]*)<\/failure>/.exec(xml)![1];
    expect(text.split("\n")).toHaveLength(7);
    expect(text).toContain("missing node: database payments (service payments), expected at position 2");
    expect(text).toContain("assertion failed: trace.duration_ms &lt; 1000 (trace.duration_ms was 1500)");
  });

  it("leads a failure with why it failed: the first divergence is its message, the diagnosis its first lines", () => {
    const diagnosed = junitXml([{ kind: "run", run: diagnosedRun }]);
    expect(elements(diagnosed, "failure")).toEqual([
      {
        message:
          "first divergence: POST /loyalty/points (loyalty) was not called after POST /orders (orders); this request had customer.tier = standard, and POST /loyalty/points is only called when customer.tier = gold",
        type: "failed",
      },
    ]);
    const text = /<failure[^>]*>([^<]*)<\/failure>/.exec(diagnosed)![1].split("\n");
    expect(text.slice(1, 4)).toEqual([
      "error: starts at products GET /products/:id \"supplier feed for machines timed out\" → orders POST /orders → api-gateway POST /api/v1/orders",
      "slow: database:orders took 812 ms (P95 120 ms, budget 180 ms); INSERT orders itself took 790 ms",
      "missing node: api_endpoint POST /loyalty/points (service loyalty), expected at position 5",
    ]);
  });

  it("reports inconclusive runs as skipped with their reasons, and unloadable files as errors", () => {
    expect(elements(xml, "skipped")).toEqual([{ message: "inconclusive: the trace never arrived: no span of the system carried the run&apos;s trace id" }]);
    expect(elements(xml, "error")).toEqual([{ message: "the test file could not be loaded", type: "load" }]);
    expect(xml).toContain(">tests/bad.yaml:2:3: trigger: Invalid input &lt;here&gt;</error>");
  });

  it("links each run to its execution and trace", () => {
    expect(xml).toContain("<system-out>execution 3c9f3f4e-5d55-4c1e-9d37-0d4c2c1c9a10\ntrace 0af7651916cd43dd8448eb211c80319c</system-out>");
  });

  it("is well-formed: every opened element is closed in order", () => {
    const stack: string[] = [];
    for (const tag of xml.replace(/^<\?xml[^>]*\?>/, "").matchAll(/<(\/?)([\w-]+)[^>]*?(\/?)>/g)) {
      if (tag[3]) continue;
      if (tag[1]) expect(stack.pop()).toBe(tag[2]);
      else stack.push(tag[2]);
    }
    expect(stack).toEqual([]);
    // No raw markup characters survive in text or attributes.
    expect(xml.replace(/<[^>]*>/g, "")).not.toMatch(/[<>]/);
  });

  it("writes an empty suite for no results", () => {
    expect(elements(junitXml([]), "testsuite")).toEqual([{ name: "flowprint", tests: "0", failures: "0", errors: "0", skipped: "0", time: "0.000" }]);
  });
  it("reports a failed setup as an error: the flow under test never ran", () => {
    const setupFailed = { ...failedRun, validation: null, requestFailures: [], setupFailures: ["setup setup_create_order: expected status 201, got 503"], reasons: ["the trigger was not sent because setup failed"] };
    const xml = junitXml([{ kind: "run", run: setupFailed }]);
    expect(xml).toContain('<error message="setup failed: setup setup_create_order: expected status 201, got 503" type="setup">');
    expect(xml).toMatch(/<testsuites[^>]* failures="0" errors="1"/);
  });
});
