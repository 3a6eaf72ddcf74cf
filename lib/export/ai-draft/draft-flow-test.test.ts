import { describe, expect, it } from "vitest";
import { draftEntityTest } from "./draft-entity-test";
import { draftFlowTest } from "./draft-flow-test";
import type { ChatFunction, ChatMessage } from "./draft-types";
import { GOOD_DRAFT, READ_ORDER_EXPORT, shopModel } from "./testing/shop-model";

function recordingChat(answer: string): { chat: ChatFunction; calls: ChatMessage[][] } {
  const calls: ChatMessage[][] = [];
  return {
    calls,
    chat: async (messages) => {
      calls.push([...messages]);
      return { content: answer, promptTokens: 1, completionTokens: 1 };
    },
  };
}

describe("draftFlowTest", () => {
  const model = shopModel();
  const flow = { id: model.endpoints.find((e) => e.method === "GET")!.flowIds[0], name: "orders → GET /api/v1/orders/:id", path: [{ type: "api_endpoint" as const, identifier: "GET /api/v1/orders/:id", service: "orders" }] };

  it("sends the rules and the bounded context, and marks the checked draft as drafted", async () => {
    const { chat, calls } = recordingChat(`\`\`\`yaml\n${GOOD_DRAFT}\`\`\``);
    const spans = [{ depth: 0, service: "orders", name: "GET /api/v1/orders/:id", kind: "server", status: "unset", durationMs: 5, attributes: { "http.route": "/api/v1/orders/:id" } }];
    const outcome = await draftFlowTest({ flow, deterministicYaml: READ_ORDER_EXPORT, model, spans, chat, modelName: "small-model" });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.yaml).toBe(`# Drafted by a language model (small-model) from the flow "${flow.name}", and checked against the system model.\n# Review it before relying on it.\n${GOOD_DRAFT}`);
    const [system, user] = calls[0];
    expect(system.content).toContain('"$id":"/schemas/flowprint-test.json"');
    expect(user.content).toContain(READ_ORDER_EXPORT.trimEnd());
    expect(user.content).toContain("- [orders] GET /api/v1/orders/:id (server, unset, 5 ms) http.route=/api/v1/orders/:id");
    // The creator of the order the read needs is in the slice, first among the endpoints.
    expect(user.content.indexOf("GET /api/v1/orders/:id  (service")).toBeLessThan(user.content.indexOf("POST /api/v1/orders  (service"));
  });
});

describe("draftEntityTest", () => {
  it("drafts from the entity's slice of the model alone, its nodes checked against the model", async () => {
    const model = shopModel();
    const entity = model.entities.find((e) => e.name === "order")!;
    const { chat, calls } = recordingChat(GOOD_DRAFT);
    const outcome = await draftEntityTest({ entity, model, journeyYaml: null, chat, modelName: "m" });
    expect(outcome).toMatchObject({ ok: true, attempts: 1, warnings: [] });
    expect(calls[0][1].content).toContain('the lifecycle of the entity "order"');
    expect(calls[0][1].content).not.toContain("# Deterministic export");
    expect(calls[0][1].content).toContain("DELETE /api/v1/orders/:id  (service orders");
  });

  it("starts from the deterministic journey when there is one, whose per-step nodes count as known", async () => {
    const model = shopModel();
    const entity = model.entities.find((e) => e.name === "order")!;
    const journeyYaml = GOOD_DRAFT.replace("expect: {status: 200}", "expect: {status: 200, nodes: [{type: service, identifier: order-audit}]}");
    const { chat, calls } = recordingChat(journeyYaml);
    expect(await draftEntityTest({ entity, model, journeyYaml, chat, modelName: "m" })).toMatchObject({ ok: true, attempts: 1 });
    expect(calls[0][1].content).toContain(`# Deterministic export (what Flowprint exports without a model)\n\`\`\`yaml\n${journeyYaml.trimEnd()}`);
    expect(calls[0][1].content).toContain("Start from the deterministic journey export");
    const without = recordingChat(journeyYaml);
    expect(await draftEntityTest({ entity, model, journeyYaml: null, chat: without.chat, modelName: "m" })).toMatchObject({
      ok: false,
      issues: [{ path: "trigger read_order expect.nodes.0", message: 'service "order-audit" is neither in the system model nor in the deterministic export' }],
    });
  });
});
