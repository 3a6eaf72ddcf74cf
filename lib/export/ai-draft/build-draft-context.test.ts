import { describe, expect, it } from "vitest";
import type { ModelEndpoint, SystemModel } from "../../model/model-types";
import { buildDraftContext } from "./build-draft-context";
import { byteLength } from "./clip-text";
import { DEFAULT_DRAFT_BOUNDS, type DraftSpan } from "./draft-types";
import { sliceModel } from "./slice-model";
import { READ_ORDER_EXPORT, shopModel } from "./testing/shop-model";

const span = (i: number, body: string): DraftSpan => ({ depth: 1, service: "orders", name: `call ${i}`, kind: "client", status: "unset", durationMs: 1, attributes: { "http.response.body": body } });

/** The shop's model with `count` more endpoints on orders, each with a large request example. */
function bigModel(count: number): SystemModel {
  const model = shopModel();
  const template = model.endpoints.find((e) => e.method === "POST")!;
  const extra: ModelEndpoint[] = Array.from({ length: count }, (_, i) => ({ ...template, id: `ep-extra${i}`, route: `/api/v1/things${i}`, flowIds: [], requestExample: { blob: "z".repeat(5000) } }));
  return { ...model, endpoints: [...model.endpoints, ...extra] };
}

describe("buildDraftContext", () => {
  it("holds the task, the model slice, the trace and the deterministic export whole when they fit", () => {
    const model = shopModel();
    const { message, notes } = buildDraftContext(
      { task: "Write a test.", deterministicYaml: READ_ORDER_EXPORT, spans: [span(0, '{"id":"ord-1"}')], slice: sliceModel(model, { services: ["orders"], endpointIds: [] }), model },
      DEFAULT_DRAFT_BOUNDS,
    );
    expect(message.startsWith("# Task\nWrite a test.\n\n# System model")).toBe(true);
    expect(message).toContain(`\`\`\`yaml\n${READ_ORDER_EXPORT.trimEnd()}\n\`\`\``);
    expect(message).toContain('  - [orders] call 0 (client, unset, 1 ms)\n    response body: {"id":"ord-1"}');
    expect(message).toContain("GET /api/v1/orders/:id  (service orders; statuses 200, 404; entity order: read)");
    expect(message).toContain("entity order: id fields id; created by POST /api/v1/orders (orders) (new id at body.id)");
    expect(notes).toEqual([]);
  });

  it("stays within the context bound however large the model, the trace and the export are, and says what it cut", () => {
    const model = bigModel(200);
    const spans = Array.from({ length: 300 }, (_, i) => span(i, "b".repeat(3000)));
    const deterministicYaml = `${READ_ORDER_EXPORT}# ${"c".repeat(20_000)}\n`;
    const { message, notes } = buildDraftContext({ task: "Write a test.", deterministicYaml, spans, slice: sliceModel(model, { services: ["orders"], endpointIds: [] }), model }, DEFAULT_DRAFT_BOUNDS);
    expect(byteLength(message)).toBeLessThanOrEqual(24 * 1024);
    expect(message).toContain(READ_ORDER_EXPORT.trimEnd());
    expect(message).toMatch(/… \d+ more spans not shown/);
    expect(message).toMatch(/… \d+ more endpoints and 0 more entities not shown/);
    // The endpoints a test of the flow needs come before the rest.
    expect(message).toContain("POST /api/v1/orders  (service orders");
    for (const line of message.split("\n").filter((l) => l.includes("body:") || l.includes("example:"))) {
      expect(byteLength(line.replace(/^.*?(body|example): /, ""))).toBeLessThanOrEqual(2048);
    }
    expect(notes).toHaveLength(3);
  });
});
