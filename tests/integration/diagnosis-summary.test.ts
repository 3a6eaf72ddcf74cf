// "Summarise" on a diagnosis through the running app, against a real OpenAI-compatible server on
// a local port: only the computed facts are sent, the answer comes back marked as generated with
// the facts it cites, the endpoint's failures are reported, and an instance without a model says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { lastUserContent, startOpenAiCompatibleServer, type OpenAiCompatibleServer, type ScriptedReply } from "../support/openai-compatible-server";
import { seedDiagnosisShop, type SeededShop } from "../support/seed-diagnosis-shop";

const WS = "diagnosis-summary";

describe("diagnosis summaries", () => {
  let llm: OpenAiCompatibleServer;
  let app: AppServer;
  let plain: AppServer;
  let shop: SeededShop;
  let ordersFlowId = "";
  const replies: ScriptedReply[] = [];

  beforeAll(async () => {
    llm = await startOpenAiCompatibleServer({ reply: () => replies.shift() ?? { status: 500, content: "no answer scripted" } });
    [app, plain] = await Promise.all([startApp({ env: { FLOWPRINT_LLM_BASE_URL: llm.baseUrl, FLOWPRINT_LLM_MODEL: "summary-model" } }), startApp()]);
    shop = await seedDiagnosisShop(app.baseUrl, WS);
    const { flows } = (await (await fetch(`${app.baseUrl}/api/v1/workspaces/${WS}/telemetry/flows?limit=10`)).json()) as { flows: { id: string; entry_operation: string }[] };
    ordersFlowId = flows.find((f) => f.entry_operation === "POST /api/orders")!.id;
  }, 120_000);
  afterAll(async () => {
    await Promise.all([app?.stop(), plain?.stop()]);
    await llm?.stop();
  });

  it("sends the numbered facts only and answers with the text, marked generated, and the facts it cites", async () => {
    replies.push({ content: "Orders fail when the product is a machine: the supplier feed times out [F2], and only machines are affected [F5]. Also [F99]." });
    const response = await fetch(`${app.baseUrl}/api/v1/workspaces/${WS}/telemetry/flows/${ordersFlowId}/diagnosis/summary`, { method: "POST" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ generated: true, model: "summary-model", summary: expect.stringContaining("Orders fail when the product is a machine") });
    expect(body.cited_facts.map((f: { id: string }) => f.id)).toEqual(["F2", "F5"]);
    expect(body.cited_facts[0].text).toMatch(/^Errors start at products GET \/products\/:id with "supplier feed for machines timed out"/);
    expect(body.facts.some((f: { text: string }) => f.text.startsWith("product.category = machines"))).toBe(true);

    const sent = lastUserContent(llm.requests.at(-1)!.body!);
    expect(sent).toContain("[F1] 64 traces in the window: 8 failing (12.5%)");
    // Computed facts, not traces: no trace ids, no ids left out of the contrasts.
    for (const traceId of [...shop.orderTraceIds.slice(0, 5), ...shop.failingOrderTraceIds]) expect(sent).not.toContain(traceId);
    expect(sent).not.toContain("req-");
    expect(Buffer.byteLength(sent)).toBeLessThan(8_000);
  });

  it("works for an entry point too", async () => {
    replies.push({ content: "Reads fail now and then, and nothing about the request explains it [F3]." });
    const query = new URLSearchParams({ entry_service: "gateway", entry_operation: "GET /api/orders/:id" });
    const body = await (await fetch(`${app.baseUrl}/api/v1/workspaces/${WS}/telemetry/entry-points/diagnosis/summary?${query}`, { method: "POST" })).json();
    expect(body.summary).toContain("nothing about the request explains it");
    expect(lastUserContent(llm.requests.at(-1)!.body!)).toContain("No attribute separates failing from passing traces.");
  });

  it("reports a failing endpoint and a missing model as errors", async () => {
    replies.push({ status: 500, content: "the model crashed" });
    const failed = await fetch(`${app.baseUrl}/api/v1/workspaces/${WS}/telemetry/flows/${ordersFlowId}/diagnosis/summary`, { method: "POST" });
    expect(failed.status).toBe(502);
    expect((await failed.json()).error.code).toBe("llm_unavailable");

    const off = await fetch(`${plain.baseUrl}/api/v1/workspaces/${WS}/telemetry/flows/${ordersFlowId}/diagnosis/summary`, { method: "POST" });
    expect(off.status).toBe(409);
    expect((await off.json()).error).toMatchObject({ code: "llm_not_configured", message: expect.stringContaining("FLOWPRINT_LLM_BASE_URL") });
  });
});
