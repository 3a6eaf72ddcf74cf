import { describe, expect, it } from "vitest";
import { buildWebhookBody, buildWebhookEnvelope, dashboardUrl } from "./build-webhook-body";
import { describeDriftOpened } from "./describe-webhook-event";

const alert = {
  id: "a-1",
  workspaceId: "shop & co",
  kind: "new_variant" as const,
  entryService: "checkout",
  entryOperation: "POST /orders",
  path: [
    { type: "api_endpoint" as const, identifier: "POST /orders", service: "checkout" },
    { type: "service" as const, identifier: "fraud", service: "fraud" },
  ],
  otherPath: [{ type: "api_endpoint" as const, identifier: "POST /orders", service: "checkout" }],
  detectedAtMs: Date.UTC(2026, 10, 22, 5),
};

const envelope = buildWebhookEnvelope({
  id: "evt-1",
  event: "drift.opened",
  occurredAtMs: Date.UTC(2026, 10, 22, 5, 0, 1),
  workspaceId: "shop",
  publicUrl: "https://flowprint.example.com/",
  facts: describeDriftOpened({ ...alert, workspaceId: "shop" }),
});

describe("webhook bodies", () => {
  it("puts the facts in the JSON envelope with an absolute link to the dashboard", () => {
    expect(envelope).toEqual({
      id: "evt-1",
      event: "drift.opened",
      occurred_at: "2026-11-22T05:00:01.000Z",
      workspace_id: "shop",
      summary: "Drift: checkout POST /orders took a new path (+ service:fraud)",
      url: "https://flowprint.example.com/w/shop/drift/a-1",
      data: {
        alert_id: "a-1",
        kind: "new_variant",
        entry_service: "checkout",
        entry_operation: "POST /orders",
        previous_path: "api_endpoint:POST /orders",
        current_path: "api_endpoint:POST /orders → service:fraud",
        added_nodes: ["service:fraud"],
        removed_nodes: [],
        detected_at: "2026-11-22T05:00:00.000Z",
      },
    });
    expect(buildWebhookBody(envelope, "json")).toBe(envelope);
  });

  it("keeps a path prefix of the public URL and encodes ids", () => {
    expect(dashboardUrl("https://tools.example.com/flowprint", "/w/a/drift/1")).toBe("https://tools.example.com/flowprint/w/a/drift/1");
    expect(describeDriftOpened(alert).path).toBe("/w/shop%20%26%20co/drift/a-1");
  });

  it("says the same in Slack's format, with the link and mrkdwn escaped", () => {
    const slack = buildWebhookBody({ ...envelope, summary: "a <b> & c" }, "slack");
    expect(slack).toMatchObject({ text: "a &lt;b&gt; &amp; c <https://flowprint.example.com/w/shop/drift/a-1|Open in Flowprint>" });
    const blocks = (slack as unknown as { blocks: { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] }[] }).blocks;
    expect(blocks.map((b) => b.type)).toEqual(["section", "section", "section", "context"]);
    expect(blocks[0].text?.text).toBe("*a &lt;b&gt; &amp; c*");
    expect(blocks[1].fields?.map((f) => f.text)).toEqual([
      "*alert_id*\na-1",
      "*kind*\nnew_variant",
      "*entry_service*\ncheckout",
      "*entry_operation*\nPOST /orders",
      "*previous_path*\napi_endpoint:POST /orders",
      "*current_path*\napi_endpoint:POST /orders → service:fraud",
      "*added_nodes*\nservice:fraud",
      "*removed_nodes*\nnone",
      "*detected_at*\n2026-11-22T05:00:00.000Z",
    ]);
    expect(blocks[2].text?.text).toBe("<https://flowprint.example.com/w/shop/drift/a-1|Open in Flowprint>");
    expect(blocks[3].elements?.[0].text).toBe("`drift.opened` · workspace shop · 2026-11-22T05:00:01.000Z");
  });
});
