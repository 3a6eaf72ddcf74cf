import { describe, expect, it } from "vitest";
import { formatDatasetProblems, loadEvalDataset } from "./load-eval-dataset";

const VALID = `name: exported-trace-4bf92f35
source:
  type: trace
  workspace: default
  trace_id: 4bf92f3577b34da6a3ce929d0e0e4736
metadata:
  trace_id: 4bf92f3577b34da6a3ce929d0e0e4736
  exported_at: 2026-03-01T10:00:00.000Z
  model: gpt-4o
  provider: openai
cases:
  - id: case-1
    variables:
      input: Where is order A-1042?
    assertions:
      - max_length: 120
      - not_contains: i cannot
      - regex: "A-\\\\d+"
        flags: i
`;

function problems(text: string): [string, number][] {
  const result = loadEvalDataset(text);
  if (result.ok) throw new Error("expected problems");
  return result.problems.map((p) => [p.path, p.line]);
}

describe("loadEvalDataset", () => {
  it("loads a valid file with defaults filled in", () => {
    const result = loadEvalDataset(VALID);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [only] = result.dataset.cases;
    expect(only.messages).toEqual([]);
    // The older one-key form, read with the meaning it had: not_contains ignored case.
    expect(only.assertions).toEqual([
      { type: "max_length", value: 120 },
      { type: "not_icontains", value: "i cannot" },
      { type: "regex", value: "A-\\d+", flags: "i" },
    ]);
    expect(result.dataset.metadata.exported_at).toBe("2026-03-01T10:00:00.000Z");
  });

  it("points schema violations at their lines", () => {
    const text = VALID.replace("      - max_length: 120", "      - max_length: many").replace("  type: trace", "  type: span");
    expect(problems(text)).toEqual([
      ["source.type", 3],
      ["cases.0.assertions.0.max_length", 16],
    ]);
  });

  it("points a bad regular expression at its line and says why", () => {
    const result = loadEvalDataset(VALID.replace('"A-\\\\d+"', '"A-(\\\\d+"'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ path: "cases.0.assertions.2.regex", line: 18 });
      expect(formatDatasetProblems("x.eval.yaml", result.problems)).toMatch(/^x\.eval\.yaml:18:\d+: cases\.0\.assertions\.2\.regex: is not a valid regular expression: /);
    }
  });

  it("points an unknown key at itself and a duplicate case id at the second case", () => {
    const twice = `${VALID}  - id: case-1\n    variables:\n      input: again\n`;
    expect(problems(twice.replace("  model: gpt-4o", "  model: gpt-4o\n  modle: typo"))).toEqual([
      ["metadata", 10],
      ["cases.1.id", 21],
    ]);
  });

  it("loads the {type, value} form beside the older one, and points an unknown type at its line", () => {
    const typed = VALID.replace("      - max_length: 120\n", "      - type: max_length\n        value: 120\n      - type: icontains\n        value: A-1042\n");
    const result = loadEvalDataset(typed);
    expect(result.ok && result.dataset.cases[0].assertions.slice(0, 3)).toEqual([
      { type: "max_length", value: 120 },
      { type: "icontains", value: "A-1042" },
      { type: "not_icontains", value: "i cannot" },
    ]);
    const unknown = loadEvalDataset(typed.replace("type: icontains", "type: includes"));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expect(unknown.problems.map((p) => [p.path, p.line])).toEqual([["cases.0.assertions.1.type", 18]]);
      expect(formatDatasetProblems("x.eval.yaml", unknown.problems)).toMatch(/^x\.eval\.yaml:18:15: cases\.0\.assertions\.1\.type: "includes" is not an assertion type: use one of max_length, contains, not_contains, icontains, /);
    }
    const badValue = loadEvalDataset(typed.replace("value: 120", "value: lots"));
    expect(!badValue.ok && badValue.problems.map((p) => [p.path, p.line, p.message])).toEqual([["cases.0.assertions.0.value", 17, "cases.0.assertions.0.value: Invalid input: expected number, received string"]]);
  });

  it("requires at least one case", () => {
    expect(problems(VALID.slice(0, VALID.indexOf("cases:")) + "cases: []\n")).toEqual([["cases", 11]]);
  });

  it("reports YAML syntax errors with line and column", () => {
    const result = loadEvalDataset("name: x\nsource: [unclosed\nmetadata: {}\n");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0].line).toBeGreaterThanOrEqual(2);
      expect(result.problems[0].column).toBeGreaterThan(0);
    }
  });
});
