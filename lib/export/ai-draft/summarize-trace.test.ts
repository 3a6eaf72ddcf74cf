import { describe, expect, it } from "vitest";
import { byteLength } from "./clip-text";
import type { DraftSpan } from "./draft-types";
import { summarizeTrace } from "./summarize-trace";

const span = (fields: Partial<DraftSpan>): DraftSpan => ({ depth: 0, service: "orders", name: "GET /orders/:id", kind: "server", status: "unset", durationMs: 12.345, attributes: {}, ...fields });

describe("summarizeTrace", () => {
  it("writes one indented line per span with its key attributes, and no others", () => {
    const { text, omittedSpans } = summarizeTrace(
      [
        span({ attributes: { "http.route": "/orders/:id", "http.response.status_code": 200, "http.request.header.authorization": "Bearer secret" } }),
        span({ depth: 1, name: "SELECT", kind: "client", status: "error", statusMessage: "deadlock", durationMs: 3, attributes: { "db.system.name": "postgresql", "db.namespace": "shop" } }),
      ],
      { maxBodyBytes: 2048, maxBytes: 8192 },
    );
    expect(text).toBe(
      [
        "- [orders] GET /orders/:id (server, unset, 12.35 ms) http.route=/orders/:id http.response.status_code=200",
        "  - [orders] SELECT (client, error: deadlock, 3 ms) db.system.name=postgresql db.namespace=shop",
      ].join("\n"),
    );
    expect(omittedSpans).toBe(0);
    expect(text).not.toContain("secret");
  });

  it("clips each recorded body to the body bound", () => {
    const big = JSON.stringify({ items: Array.from({ length: 400 }, (_, i) => ({ sku: `sku-${i}` })) });
    const { text } = summarizeTrace([span({ attributes: { "http.request.body": '{"q":1}', "http.response.body": big } })], { maxBodyBytes: 2048, maxBytes: 8192 });
    const [, request, response] = text.split("\n");
    expect(request).toBe('  request body: {"q":1}');
    expect(response.startsWith("  response body: ")).toBe(true);
    expect(byteLength(response.slice("  response body: ".length))).toBeLessThanOrEqual(2048);
    expect(response).toContain(`[cut, ${big.length} bytes]`);
  });

  it("stops at the byte bound and counts the spans it left out", () => {
    const spans = Array.from({ length: 500 }, (_, i) => span({ depth: 1, name: `span ${i}`, attributes: { "http.response.body": "y".repeat(500) } }));
    const { text, omittedSpans } = summarizeTrace(spans, { maxBodyBytes: 2048, maxBytes: 6144 });
    expect(byteLength(text)).toBeLessThanOrEqual(6144);
    expect(omittedSpans).toBeGreaterThan(400);
    expect(text.endsWith(`… ${omittedSpans} more spans not shown`)).toBe(true);
  });

  it("says when there is no trace", () => {
    expect(summarizeTrace([], { maxBodyBytes: 2048, maxBytes: 6144 }).text).toBe("(no representative trace is stored)");
  });
});
