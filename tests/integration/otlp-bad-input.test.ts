// The receiver's answers to bad and hostile input, as the OTLP/HTTP specification prescribes:
// never a 500, never a lost acknowledged span.
import { gzipSync } from "node:zlib";
import protobuf from "protobufjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";

const LIMIT = 1024 * 1024;

function otlpJson(spans: Record<string, unknown>[], service = "bad-input"): string {
  return JSON.stringify({
    resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: service } }] }, scopeSpans: [{ spans }] }],
  });
}

function randomHex(bytes: number): string {
  return Array.from({ length: bytes }, () => Math.floor(Math.random() * 256).toString(16).padStart(2, "0")).join("");
}

function validSpan(traceId = randomHex(16), name = "GET /ok"): Record<string, unknown> {
  return { traceId, spanId: randomHex(8), name, kind: 2, startTimeUnixNano: "1700000000000000000", endTimeUnixNano: "1700000000100000000" };
}

describe("OTLP receiver on bad input", () => {
  let app: AppServer;
  const post = (body: BodyInit, headers: Record<string, string>, path = "/v1/traces") =>
    fetch(`${app.baseUrl}${path}`, { method: "POST", body, headers: { "x-workspace-id": "bad", ...headers } });

  beforeAll(async () => {
    app = await startApp({ env: { FLOWPRINT_MAX_BODY_BYTES: String(LIMIT) } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("answers 405 with Allow: POST to other methods", async () => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      const response = await fetch(`${app.baseUrl}/v1/traces`, { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
    }
  });

  it("answers 415 to other content types", async () => {
    for (const type of ["text/plain", "application/xml", "application/grpc"]) {
      expect((await post("{}", { "content-type": type })).status, type).toBe(415);
    }
    expect((await post("{}", { "content-type": "application/json", "content-encoding": "br" })).status).toBe(415);
  });

  it("accepts content types with parameters and any case", async () => {
    expect((await post(otlpJson([validSpan()]), { "content-type": "Application/JSON; charset=utf-8" })).status).toBe(200);
  });

  it("answers 400 with a google.rpc.Status body to undecodable bodies", async () => {
    const invalidJson = await post("{not json", { "content-type": "application/json" });
    expect(invalidJson.status).toBe(400);
    const status = await invalidJson.json();
    expect(status.code).toBe(3);
    expect(typeof status.message).toBe("string");

    expect((await post("[1,2]", { "content-type": "application/json" })).status).toBe(400);

    const garbage = await post(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]), { "content-type": "application/x-protobuf" });
    expect(garbage.status).toBe(400);
    expect(garbage.headers.get("content-type")).toContain("application/x-protobuf");
    const root = protobuf.Root.fromJSON({
      nested: { Status: { fields: { code: { type: "int32", id: 1 }, message: { type: "string", id: 2 } } } },
    });
    const decoded = root.lookupType("Status").decode(new Uint8Array(await garbage.arrayBuffer())) as unknown as { code: number; message: string };
    expect(decoded.code).toBe(3);
    expect(decoded.message.length).toBeGreaterThan(0);

    const badGzip = await post(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]), { "content-type": "application/json", "content-encoding": "gzip" });
    expect(badGzip.status).toBe(400);
  });

  it("answers 413 above the limit, before and after decompression, without inflating a gzip bomb", async () => {
    const big = "x".repeat(LIMIT + 10);
    expect((await post(big, { "content-type": "application/json" })).status).toBe(413);
    // 256 MiB of zeros compress to about 256 KiB: under the limit on the wire, far over it inflated.
    const bomb = gzipSync(Buffer.alloc(256 * 1024 * 1024), { level: 9 });
    expect(bomb.byteLength).toBeLessThan(LIMIT);
    const response = await post(bomb, { "content-type": "application/x-protobuf", "content-encoding": "gzip" });
    expect(response.status).toBe(413);
    // The server is still healthy afterwards.
    expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(200);
  });

  it("answers 400 to an invalid workspace id", async () => {
    const response = await post(otlpJson([validSpan()]), { "content-type": "application/json", "x-workspace-id": "no spaces allowed" });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("X-Workspace-ID");
  });

  it("reports invalid spans as a partial success and keeps the valid ones", async () => {
    const traceId = randomHex(16);
    const spans = [
      validSpan(traceId, "kept"),
      { ...validSpan(traceId), traceId: "0".repeat(32) },
      { ...validSpan(traceId), spanId: "abcd" },
      { ...validSpan(traceId), name: "" },
    ];
    const response = await post(otlpJson(spans), { "content-type": "application/json" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.partialSuccess.rejectedSpans).toBe("3");
    expect(body.partialSuccess.errorMessage).toMatch(/3 spans rejected/);
    const stored = await fetch(`${app.baseUrl}/api/v1/workspaces/bad/telemetry/spans?trace_id=${traceId}`).then((r) => r.json());
    expect(stored.spans.map((s: { name: string }) => s.name)).toEqual(["kept"]);
  });

  it("answers a fully valid request with an empty ExportTraceServiceResponse", async () => {
    const response = await post(otlpJson([validSpan()]), { "content-type": "application/json" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
  });
});

describe("OTLP receiver with ingest keys and little room for requests", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startApp({ env: { FLOWPRINT_INGEST_KEYS: "shop:shop-secret-1,default-secret-1", FLOWPRINT_MAX_INFLIGHT_REQUESTS: "2" } });
  });
  afterAll(async () => {
    await app?.stop();
  });
  const post = (headers: Record<string, string>, body: BodyInit = otlpJson([validSpan()])) =>
    fetch(`${app.baseUrl}/v1/traces`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

  it("requires a key, takes the workspace from it and refuses another workspace", async () => {
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: "Bearer wrong-key-123" })).status).toBe(401);
    expect((await post({ authorization: "Bearer shop-secret-1", "x-workspace-id": "default" })).status).toBe(403);
    const traceId = randomHex(16);
    const ok = await post({ authorization: "Bearer shop-secret-1" }, otlpJson([validSpan(traceId)]));
    expect(ok.status).toBe(200);
    const stored = await fetch(`${app.baseUrl}/api/v1/workspaces/shop/telemetry/spans?trace_id=${traceId}`).then((r) => r.json());
    expect(stored.total).toBe(1);
    expect((await post({ authorization: "Bearer default-secret-1", "x-workspace-id": "default" })).status).toBe(200);
  });

  it("sheds load with 503 and Retry-After, and stores every span it acknowledged", async () => {
    const requests = Array.from({ length: 60 }, () => {
      const traceId = randomHex(16);
      const spans = Array.from({ length: 500 }, () => validSpan(traceId));
      return { traceId, body: gzipSync(otlpJson(spans, "load")) };
    });
    // gzip bodies are inflated off the event loop, so requests overlap inside the receiver.
    const responses = await Promise.all(requests.map((r) => post({ authorization: "Bearer shop-secret-1", "content-encoding": "gzip" }, r.body)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses).toContain(503);
    for (const r of responses) if (r.status === 503) expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    for (let i = 0; i < requests.length; i++) {
      const stored = await fetch(`${app.baseUrl}/api/v1/workspaces/shop/telemetry/spans?trace_id=${requests[i].traceId}&limit=1`).then((r) => r.json());
      expect(stored.total).toBe(statuses[i] === 200 ? 500 : 0);
    }
  });
});
