import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildEvalDataset } from "./build-eval-dataset";
import { loadEvalDataset } from "./load-eval-dataset";
import { renderEvalDatasetYaml } from "./render-eval-dataset-yaml";
import { llmCall, TRACE_ID } from "./sample-llm-calls.fixture";

const source = { type: "trace" as const, workspace: "default", trace_id: TRACE_ID };

describe("renderEvalDatasetYaml", () => {
  it("round-trips through loadEvalDataset, tricky text included", () => {
    const tricky = "Line one\n  indented: yes\n# not a comment\n\ttab, trailing space \n'quotes' \"and\" {braces}: [x]\n";
    const calls = [
      llmCall(),
      llmCall({
        spanId: "b7ad6b7169203331",
        startMs: 1_700_000_001_000,
        input: [{ role: "user", content: tricky }],
        output: [{ role: "assistant", content: '{"status": "shipped", "eta": null}' }],
      }),
    ];
    const dataset = buildEvalDataset({ calls, source, exportedAt: "2026-03-01T10:00:00.000Z" });
    dataset.cases[1].assertions.push(
      { type: "regex", value: "^\\{", flags: "s" },
      { type: "not_regex", value: "sorry" },
      { type: "llm_judge", value: "Mentions the delivery date" },
      { type: "contains", value: "yes: no" },
      { type: "icontains", value: "1042" },
      { type: "equals", value: "" },
      { type: "not_starts_with", value: "- item" },
      { type: "contains_json", value: false },
      { type: "is_json", value: false },
    );
    const text = renderEvalDatasetYaml(dataset);
    const loaded = loadEvalDataset(text);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.dataset).toEqual(dataset);
    expect(loaded.ok && loaded.dataset.cases[1].variables.input).toBe(tricky);
  });

  it("starts with a header saying where the cases came from and how to run them", () => {
    const text = renderEvalDatasetYaml(buildEvalDataset({ calls: [llmCall()], source, exportedAt: "2026-03-01T10:00:00.000Z" }));
    const header = text.split("\n").filter((line) => line.startsWith("#"));
    expect(header[0]).toBe(`# Flowprint eval dataset: 1 case exported from trace ${TRACE_ID}.`);
    expect(header.join("\n")).toContain("flowprint eval run --dataset");
    expect(Object.keys(parse(text))).toEqual(["name", "source", "metadata", "cases"]);
    expect(text).toContain("\ncases:\n  - id: production-case-1\n    variables:\n      input: It is A-1042.\n    assertions:\n      - type: max_length\n        value: 75\n      - type: not_icontains\n        value: i cannot\n");
  });
});
