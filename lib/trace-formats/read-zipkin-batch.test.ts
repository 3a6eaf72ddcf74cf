import { describe, expect, it } from "vitest";
import { readZipkinBatch } from "./read-zipkin-batch";

const TRACE = "86154a4ba6e91385";

function span(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { traceId: TRACE, id: "01", name: "get", timestamp: 1472470996199000, duration: 207000, localEndpoint: { serviceName: "frontend" }, ...overrides };
}

const read = (body: unknown) => readZipkinBatch(typeof body === "string" ? body : JSON.stringify(body));

describe("readZipkinBatch", () => {
  it("converts a reporter's batch, one request per trace", () => {
    const batch = read([span(), span({ id: "02", parentId: "01" }), span({ traceId: "aa", id: "03" })]);
    expect(batch).toMatchObject({ ok: true, spanCount: 3, skippedSpanCount: 0 });
    expect(batch.ok && batch.requests.map((r) => r.spanCount)).toEqual([2, 1]);
  });

  it("takes an empty batch", () => {
    expect(read([])).toEqual({ ok: true, requests: [], spanCount: 0, skippedSpanCount: 0 });
  });

  it("refuses the whole batch for one span it cannot read, naming where and why", () => {
    expect(read([span(), span({ id: "02", traceId: "not-hex" })])).toEqual({
      ok: false,
      reason: '[1].traceId must be a trace id of up to 32 hex digits, not the string "not-hex".',
    });
    expect(read([span(), [span()]])).toEqual({ ok: false, reason: "[1] must be an object, not an array." });
  });

  it("leaves out a piece with no timestamp, which Zipkin accepts but cannot place", () => {
    const batch = read([span(), span({ id: "02", parentId: "01", timestamp: undefined })]);
    expect(batch).toMatchObject({ ok: true, spanCount: 1, skippedSpanCount: 1 });
  });

  it("gives a shared server half its own id though its client comes in another service's batch", () => {
    const batch = read([span({ id: "02", parentId: "01", kind: "SERVER", shared: true, localEndpoint: { serviceName: "backend" } })]);
    const [server] = batch.ok ? batch.requests[0].request.resourceSpans[0].scopeSpans[0].spans : [];
    expect(server.parentSpanId).toBe("0000000000000002");
    expect(server.spanId).not.toBe("0000000000000002");
  });

  it("says what is wrong with a body that is not a v2 batch", () => {
    expect(read("[{")).toMatchObject({ ok: false, reason: expect.stringMatching(/^The body is not valid JSON \(line 1, column 3\): /) });
    expect(read(span())).toEqual({ ok: false, reason: "The body must be a JSON array of Zipkin v2 spans." });
    expect(read([{ traceId: TRACE, id: "01", name: "get", binaryAnnotations: [] }])).toMatchObject({ ok: false, reason: expect.stringMatching(/Zipkin v1 JSON/) });
  });
});
