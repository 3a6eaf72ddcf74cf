import { describe, expect, it } from "vitest";
import type { VariantExplanation } from "../drift/explain-variants";
import type { FlowprintTest } from "./flowprint-test.schema";
import { noteUnreachableBranches } from "./note-unreachable-branches";

const gold: VariantExplanation = { variantId: "v", node: { type: "api_endpoint", identifier: "POST /loyalty/points" }, effect: "called", attribute: "customer.tier", value: "gold", support: 9, of: 9, text: "`POST /loyalty/points` is called only when `customer.tier = gold` (9 of 9 sampled traces)" };

function test(trigger: Partial<FlowprintTest["trigger"]>, variables: Record<string, string> = {}): FlowprintTest {
  return { version: 1, name: "t", variables: { base_url: "http://x", ...variables }, setup: [], trigger: { id: "t", method: "POST", url: "{{base_url}}/orders", ...trigger }, steps: [], expect_trace: { nodes: [], trace_assert: [] } };
}

describe("noteUnreachableBranches", () => {
  it("says so when nothing the request sends carries the value that chose the branch", () => {
    const notes = noteUnreachableBranches(test({}), [gold]);
    expect(notes).toEqual([{ path: ["trigger"], message: expect.stringMatching(/^this variant is taken when customer.tier=gold .*nothing this request sends carries "gold"/) }]);
  });
  it("is quiet when a header, the body or the URL carries it", () => {
    expect(noteUnreachableBranches(test({ headers: { "x-customer-tier": "gold" } }), [gold])).toEqual([]);
    expect(noteUnreachableBranches(test({ body: { customer: { tier: "gold" } } }), [gold])).toEqual([]);
    expect(noteUnreachableBranches(test({ url: "{{base_url}}/tiers/{{tier}}/orders" }, { tier: "gold" }), [gold])).toEqual([]);
  });
});
