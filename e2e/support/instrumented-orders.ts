// A tiny system under test for browser tests that run an exported test: an HTTP server in the
// test process whose requests are traced with the official OpenTelemetry SDK into Flowprint,
// continuing the caller's W3C traceparent as an instrumented service would. Its traces record
// where they were served (url.scheme, server.address, server.port), so exports carry its URL.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { context, defaultTextMapGetter, SpanKind, trace } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { sdkClient } from "../../tests/support/otel-sdk";
import { allowKeylessIngest } from "./session";

const propagator = new W3CTraceContextPropagator();

export interface InstrumentedOrders {
  url: string;
  /** Trace ids of the requests served so far. */
  traceIds: string[];
  /** Set to make the system skip its database write: a regression a test run must catch. */
  skipDatabase: boolean;
  /** Places an order as a client would (no traceparent: each is a new trace). */
  order(): Promise<void>;
  close(): Promise<void>;
}

export async function startInstrumentedOrders(flowprintUrl: string, workspace: string): Promise<InstrumentedOrders> {
  await allowKeylessIngest(flowprintUrl, workspace);
  const client = sdkClient({ baseUrl: flowprintUrl, format: "protobuf", service: "shop-orders", headers: { "X-Workspace-ID": workspace } });
  const traceIds: string[] = [];
  let port = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const parent = propagator.extract(context.active(), request.headers, defaultTextMapGetter);
      const start = Date.now();
      const ok = request.method === "POST" && request.url === "/orders";
      const span = client.tracer.startSpan(
        "POST /orders",
        {
          kind: SpanKind.SERVER,
          startTime: start,
          attributes: {
            "http.request.method": request.method ?? "GET",
            "http.route": "/orders",
            "url.path": request.url ?? "/",
            "url.scheme": "http",
            "server.address": "127.0.0.1",
            "server.port": port,
            "http.response.status_code": ok ? 201 : 404,
          },
        },
        parent,
      );
      const inSpan = trace.setSpan(parent, span);
      if (!system.skipDatabase) client.tracer.startSpan("INSERT orders", { kind: SpanKind.CLIENT, startTime: start + 1, attributes: { "db.system.name": "postgresql", "db.namespace": "orders" } }, inSpan).end(start + 3);
      span.end(start + 6);
      traceIds.push(span.spanContext().traceId);
      // Exported before answering, so the trace is in Flowprint when the caller asks for it.
      void client.flush().then(() => {
        response.writeHead(ok ? 201 : 404, { "content-type": "application/json" }).end(JSON.stringify(ok ? { id: `o-${traceIds.length}` } : { error: "not found" }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const system: InstrumentedOrders = {
    url,
    traceIds,
    skipDatabase: false,
    async order() {
      const response = await fetch(`${url}/orders`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      if (response.status !== 201) throw new Error(`the orders system answered ${response.status}`);
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await client.shutdown();
    },
  };
  return system;
}
