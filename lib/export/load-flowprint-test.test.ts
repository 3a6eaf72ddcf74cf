import { describe, expect, it } from "vitest";
import { formatProblems, loadFlowprintTest } from "./load-flowprint-test";

const VALID = `version: 1
name: checkout
trigger:
  id: create_order
  method: POST
  url: "{{base_url}}/orders"
expect_trace:
  nodes:
    - type: api_endpoint
      identifier: POST /orders
`;

describe("loadFlowprintTest", () => {
  it("loads a valid file with defaults filled in", () => {
    const result = loadFlowprintTest(VALID);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.test.steps).toEqual([]);
      expect(result.test.variables).toEqual({});
      expect(result.test.expect_trace.trace_assert).toEqual([]);
    }
  });

  it("points a schema violation at its line", () => {
    const result = loadFlowprintTest(VALID.replace("method: POST", "method: FETCH").replace("type: api_endpoint", "type: queue"));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => [p.path, p.line])).toEqual([
        ["trigger.method", 5],
        ["expect_trace.nodes.0.type", 9],
      ]);
      expect(formatProblems("t.yaml", result.problems)).toMatch(/^t\.yaml:5:\d+: trigger\.method: /);
    }
  });

  it("points a missing field at its parent and an unknown field at the object", () => {
    const result = loadFlowprintTest(VALID.replace('  url: "{{base_url}}/orders"\n', "").replace("name: checkout", "name: checkout\nnmae: typo"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => [p.path, p.line])).toEqual([
      ["", 3],
      ["trigger.url", 5],
    ]);
  });

  it("reports YAML syntax errors with line and column", () => {
    const result = loadFlowprintTest("version: 1\nname: [unclosed\ntrigger: {}\n");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].line).toBeGreaterThanOrEqual(2);
  });
});
