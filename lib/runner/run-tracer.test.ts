import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunTracer } from "./run-tracer";

describe("createRunTracer", () => {
  let server: Server;
  let url = "";
  let status = 200;
  const received: { path?: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ path: req.url, headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(status, { "content-type": "application/x-protobuf" }).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("puts the run's span context into traceparent and exports the span to the workspace on finish", async () => {
    status = 200;
    const tracer = createRunTracer({ server: url, workspace: "shop", ingestKey: "key-12345" });
    const span = tracer.startRun("orders → POST /orders", "orders.yaml");
    expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
    const { traceparent } = span.traceHeaders();
    expect(traceparent).toMatch(new RegExp(`^00-${span.traceId}-[0-9a-f]{16}-01$`));
    span.setExecutionId("exec-1");
    expect(received).toHaveLength(0);
    expect(await span.finish(false)).toBeNull();
    await tracer.shutdown();
    const request = received.at(-1)!;
    expect(request.path).toBe("/v1/traces");
    expect(request.headers).toMatchObject({ "x-workspace-id": "shop", authorization: "Bearer key-12345", "content-type": "application/x-protobuf" });
    // Protobuf strings are stored as UTF-8 bytes: the name, the attribute and the ids are all there.
    const body = request.body.toString("utf8");
    expect(body).toContain("flowprint.run orders → POST /orders");
    expect(body).toContain("flowprint.execution.id");
    expect(body).toContain("exec-1");
    expect(request.body.includes(Buffer.from(span.traceId, "hex"))).toBe(true);
  });

  it("says when Flowprint refuses the span for want of a key", async () => {
    status = 401;
    const tracer = createRunTracer({ server: url, workspace: "shop", ingestKey: null });
    const problem = await tracer.startRun("t", "t.yaml").finish(false);
    await tracer.shutdown();
    expect(problem).toBe("Flowprint refused the runner's span (401): pass the workspace's ingest key with --key or FLOWPRINT_INGEST_KEY");
    expect(received.at(-1)!.headers.authorization).toBeUndefined();
  });
});
