import { describe, expect, it } from "vitest";
import { mergeZipkinFragments } from "./merge-zipkin-fragments";
import { readZipkinSpan, type ZipkinSpan } from "./read-zipkin-span";

const TRACE = "86154a4ba6e91385";

function spans(...raw: Record<string, unknown>[]): ZipkinSpan[] {
  return raw.map((r, i) => readZipkinSpan({ traceId: TRACE, ...r }, `[${i}]`, i));
}

describe("mergeZipkinFragments", () => {
  it("merges pieces of one span from one host: the first piece's fields win, the second fills gaps", () => {
    const [merged, ...rest] = mergeZipkinFragments(
      spans(
        { id: "a", kind: "CLIENT", name: "get", timestamp: 10, localEndpoint: { serviceName: "web", ipv4: "1.1.1.1" }, tags: { a: "1", b: "1" } },
        { id: "b", name: "other", timestamp: 11 },
        { id: "a", duration: 5, localEndpoint: { serviceName: "web", port: 80 }, tags: { b: "2" }, annotations: [{ timestamp: 12, value: "ws" }] },
      ),
    );
    expect(rest.map((s) => s.id)).toEqual(["000000000000000b"]);
    expect(merged).toMatchObject({
      id: "000000000000000a",
      kind: "CLIENT",
      name: "get",
      timestamp: 10n,
      duration: 5n,
      localEndpoint: { serviceName: "web", ipv4: "1.1.1.1", port: 80 },
      annotations: [{ timestamp: 12n, value: "ws" }],
      path: "[0]",
      order: 0,
    });
    expect([...merged.tags]).toEqual([
      ["a", "1"],
      ["b", "2"],
    ]);
  });

  it("keeps pieces from different hosts apart", () => {
    const merged = mergeZipkinFragments(
      spans(
        { id: "a", kind: "SERVER", shared: true, timestamp: 1, localEndpoint: { serviceName: "s", ipv4: "10.0.0.1" } },
        { id: "a", kind: "SERVER", shared: true, timestamp: 2, localEndpoint: { serviceName: "s", ipv4: "10.0.0.2" } },
      ),
    );
    expect(merged).toHaveLength(2);
  });

  it("keeps a client and the server sharing its id apart, and marks the server shared when its reporter forgot", () => {
    const merged = mergeZipkinFragments(
      spans(
        { id: "a", parentId: "f", kind: "SERVER", timestamp: 2, localEndpoint: { serviceName: "backend" } },
        { id: "a", parentId: "f", kind: "CLIENT", timestamp: 1, localEndpoint: { serviceName: "frontend" } },
      ),
    );
    expect(merged.map((s) => [s.kind, s.shared])).toEqual([
      ["SERVER", true],
      ["CLIENT", false],
    ]);
  });

  it("gives a shared server span without parent its client's parent", () => {
    const [server] = mergeZipkinFragments(
      spans(
        { id: "a", kind: "SERVER", shared: true, timestamp: 2, localEndpoint: { serviceName: "backend" } },
        { id: "a", parentId: "f", kind: "CLIENT", timestamp: 1, localEndpoint: { serviceName: "frontend" } },
      ),
    );
    expect(server).toMatchObject({ kind: "SERVER", parentId: "000000000000000f" });
  });
});
