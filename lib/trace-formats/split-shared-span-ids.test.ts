import { describe, expect, it } from "vitest";
import { readZipkinSpan, type ZipkinSpan } from "./read-zipkin-span";
import { deriveSpanId, splitSharedSpanIds } from "./split-shared-span-ids";

const TRACE = "86154a4ba6e91385";
const SHARED = "00000000000000aa";

function spans(...raw: Record<string, unknown>[]): ZipkinSpan[] {
  return raw.map((r, i) => readZipkinSpan({ traceId: TRACE, timestamp: i + 1, ...r }, `[${i}]`, i));
}

function byService(result: ZipkinSpan[], service: string, kind?: string): ZipkinSpan | undefined {
  return result.find((s) => s.localEndpoint?.serviceName === service && (kind === undefined || s.kind === kind));
}

describe("splitSharedSpanIds", () => {
  it("gives the server half its own id, under its client, and moves the server's children with it", () => {
    const { spans: result, repeated } = splitSharedSpanIds(
      spans(
        { id: "01", kind: "SERVER", localEndpoint: { serviceName: "front" } },
        { id: "aa", parentId: "01", kind: "CLIENT", localEndpoint: { serviceName: "front" } },
        { id: "aa", parentId: "01", kind: "SERVER", shared: true, localEndpoint: { serviceName: "back" } },
        { id: "bb", parentId: "aa", name: "query", localEndpoint: { serviceName: "back" } },
        { id: "cc", parentId: "aa", name: "retry-timer", localEndpoint: { serviceName: "front" } },
        { id: "dd", parentId: "aa", name: "third", localEndpoint: { serviceName: "elsewhere" } },
      ),
    );
    expect(repeated).toEqual([]);
    const server = byService(result, "back", "SERVER");
    expect(server?.id).toBe(deriveSpanId(`${"0".repeat(16)}${TRACE}`, SHARED, "back", new Set()));
    expect(server?.parentId).toBe(SHARED);
    expect(byService(result, "front", "CLIENT")?.id).toBe(SHARED);
    expect(result.find((s) => s.name === "query")?.parentId).toBe(server?.id);
    expect(result.find((s) => s.name === "retry-timer")?.parentId).toBe(SHARED);
    // A child in neither service goes to the server, the callee, as Jaeger does.
    expect(result.find((s) => s.name === "third")?.parentId).toBe(server?.id);
    expect(result.map((s) => s.order)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("leaves ids alone when nothing is shared, and a lone shared server keeps its id", () => {
    const input = spans({ id: "01", kind: "SERVER", shared: true }, { id: "02", parentId: "01", kind: "CLIENT" });
    expect(splitSharedSpanIds(input).spans).toEqual(input);
  });

  it("splits a shared server half without its client, when asked, to the id it gets beside it", () => {
    // Zipkin's collector API: each service reports its own half of an RPC, in its own batch.
    const batch = spans(
      { id: "aa", parentId: "01", kind: "SERVER", shared: true, localEndpoint: { serviceName: "back" } },
      { id: "bb", parentId: "aa", name: "query", localEndpoint: { serviceName: "back" } },
      { id: "cc", parentId: "aa", name: "the client's", localEndpoint: { serviceName: "front" } },
      { id: "dd", kind: "SERVER", shared: true, name: "entry", localEndpoint: { serviceName: "back" } },
    );
    const { spans: result } = splitSharedSpanIds(batch, { splitLoneServers: true });
    const server = result.find((s) => s.kind === "SERVER" && s.parentId === SHARED);
    expect(server?.id).toBe(deriveSpanId(`${"0".repeat(16)}${TRACE}`, SHARED, "back", new Set()));
    expect(result.find((s) => s.name === "query")?.parentId).toBe(server?.id);
    expect(result.find((s) => s.name === "the client's")?.parentId).toBe(SHARED);
    // Without a parent it is the trace's entry, its caller unreported (Envoy at the edge): kept.
    const entry = result.find((s) => s.name === "entry");
    expect([entry?.id, entry?.parentId]).toEqual(["00000000000000dd", undefined]);
    expect(splitSharedSpanIds(batch).spans).toEqual(batch);
  });

  it("leaves out, and reports, spans whose id is still taken after the split", () => {
    const input = spans({ id: "01", name: "a", localEndpoint: { serviceName: "x" } }, { id: "01", name: "b", localEndpoint: { serviceName: "y" } });
    const { spans: result, repeated } = splitSharedSpanIds(input);
    expect(result.map((s) => s.name)).toEqual(["a"]);
    expect(repeated.map((r) => [r.span.name, r.of.name])).toEqual([["b", "a"]]);
  });

  it("derives ids that are stable, unused and never zero", () => {
    const first = deriveSpanId("t", "s", "svc", new Set());
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(deriveSpanId("t", "s", "svc", new Set())).toBe(first);
    expect(deriveSpanId("t", "s", "svc", new Set([first]))).not.toBe(first);
  });
});
