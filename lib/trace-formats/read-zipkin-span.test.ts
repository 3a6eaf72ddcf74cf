import { describe, expect, it } from "vitest";
import { FieldError } from "./read-json-fields";
import { readZipkinSpan } from "./read-zipkin-span";

const base = { traceId: "1e223ff1f80f1c69", id: "43210ae0c10d1234" };

function read(overrides: Record<string, unknown>) {
  return readZipkinSpan({ ...base, ...overrides }, "[0]", 0);
}

function errorOf(overrides: Record<string, unknown>): { path: string; message: string } {
  try {
    read(overrides);
  } catch (error) {
    if (error instanceof FieldError) return { path: error.path, message: error.message };
    throw error;
  }
  throw new Error("no error");
}

describe("readZipkinSpan", () => {
  it("reads every v2 field", () => {
    const span = read({
      parentId: "74280ae0c10d8062",
      kind: "CLIENT",
      name: "post",
      timestamp: 1470150004008762,
      duration: 65000,
      localEndpoint: { serviceName: "serviceb", ipv4: "192.0.0.0", port: 8080 },
      remoteEndpoint: { serviceName: "db", ipv6: "::1" },
      annotations: [{ timestamp: 1470150004008800, value: "ws" }],
      tags: { "http.path": "/x", retries: 2, cached: false },
      debug: true,
    });
    expect(span).toEqual({
      traceId: "00000000000000001e223ff1f80f1c69",
      id: "43210ae0c10d1234",
      parentId: "74280ae0c10d8062",
      kind: "CLIENT",
      name: "post",
      timestamp: 1470150004008762n,
      duration: 65000n,
      localEndpoint: { serviceName: "serviceb", ipv4: "192.0.0.0", port: 8080 },
      remoteEndpoint: { serviceName: "db", ipv6: "::1" },
      annotations: [{ timestamp: 1470150004008800n, value: "ws" }],
      tags: new Map([
        ["http.path", "/x"],
        ["retries", "2"],
        ["cached", "false"],
      ]),
      shared: false,
      path: "[0]",
      order: 0,
    });
  });

  it("cleans as Zipkin does: self and all-zero parents dropped, 'unknown' names absent, shared only on non-clients, empty endpoints absent", () => {
    expect(read({ parentId: base.id }).parentId).toBeUndefined();
    expect(read({ parentId: "0000000000000000" }).parentId).toBeUndefined();
    expect(read({ parentId: "abc" }).parentId).toBe("0000000000000abc");
    expect(read({ name: "unknown" }).name).toBeUndefined();
    expect(read({ kind: "CLIENT", shared: true }).shared).toBe(false);
    expect(read({ kind: "SERVER", shared: true }).shared).toBe(true);
    expect(read({ localEndpoint: {} }).localEndpoint).toBeUndefined();
    expect(read({ timestamp: 0, duration: 0 })).not.toHaveProperty("timestamp");
    expect(read({ kind: "server" }).kind).toBe("SERVER");
  });

  it("sorts annotations by time and drops exact repeats", () => {
    const span = read({
      annotations: [
        { timestamp: 3, value: "b" },
        { timestamp: 1, value: "a" },
        { timestamp: 3, value: "b" },
      ],
    });
    expect(span.annotations).toEqual([
      { timestamp: 1n, value: "a" },
      { timestamp: 3n, value: "b" },
    ]);
  });

  it.each([
    [{ traceId: "xyz" }, "[0].traceId", 'must be a trace id of up to 32 hex digits, not the string "xyz".'],
    [{ id: undefined }, "[0].id", "is missing; it must be a span id of up to 16 hex digits."],
    [{ parentId: "nothex" }, "[0].parentId", 'must be a span id of up to 16 hex digits, not the string "nothex".'],
    [{ kind: "BROKER" }, "[0].kind", 'must be CLIENT, SERVER, PRODUCER or CONSUMER, not the string "BROKER".'],
    [{ timestamp: "soon" }, "[0].timestamp", 'must be a whole number of microseconds, not the string "soon".'],
    [{ localEndpoint: { port: 70000 } }, "[0].localEndpoint.port", "must be a port number, not the number 70000."],
    [{ annotations: [{ timestamp: 1 }] }, "[0].annotations[0].value", "is missing; it must be a string."],
    [{ tags: ["a"] }, "[0].tags", "must be an object of string values."],
  ])("reports %j at its path", (overrides, path, message) => {
    expect(errorOf(overrides)).toEqual({ path, message });
  });
});
