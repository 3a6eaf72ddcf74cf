// Real OTLP request bodies for tests and bench/decode-bench.ts: spans created by the official
// OpenTelemetry JS SDK and serialized by its own OTLP serializers, so the decoders are checked
// against what an actual exporter sends rather than against our own idea of it.
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type HrTime, type Link } from "@opentelemetry/api";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from "@opentelemetry/sdk-trace-base";

/** 2023-11-14T22:13:20Z plus nanoseconds: far beyond 2^53 ns, so precision loss would show. */
export const BASE_TIME: HrTime = [1_700_000_000, 123_456_789];

export const SDK_RESOURCE_ATTRIBUTES: Attributes = {
  "service.name": "checkout",
  "service.version": "2.4.1",
  "service.instance.id": "checkout-7f9c-1",
  "deployment.environment.name": "production",
  "host.name": "ip-10-0-3-17",
  "process.pid": 4121,
  "telemetry.sdk.language": "nodejs",
  "telemetry.sdk.name": "opentelemetry",
  "telemetry.sdk.version": "2.12.1",
};

function addNs(time: HrTime, ns: number): HrTime {
  const total = time[1] + ns;
  return [time[0] + Math.floor(total / 1e9), total % 1e9];
}

/** Spans recorded by a fresh SDK provider while `record` runs. */
export function recordSdkSpans(record: (provider: BasicTracerProvider) => void, resourceAttributes: Attributes = SDK_RESOURCE_ATTRIBUTES): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes(resourceAttributes),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
    spanLimits: { attributeCountLimit: 128 },
  });
  record(provider);
  return exporter.getFinishedSpans();
}

/**
 * `traceCount` traces of 8 spans each, shaped like a web request: a SERVER span with HTTP
 * attributes, an INTERNAL handler, CLIENT calls to another service and a database, a PRODUCER
 * span with a link, and an exception event on every fourth trace.
 */
export function createSdkSpans(traceCount: number, baseTime: HrTime = BASE_TIME): ReadableSpan[] {
  return recordSdkSpans((provider) => recordTraces(provider, traceCount, baseTime));
}

/** This second, as a base time: load that must look recent (retention deletes what is not). */
export const hrTimeNow = (): HrTime => [Math.floor(Date.now() / 1000), 0];

function recordTraces(provider: BasicTracerProvider, traceCount: number, baseTime: HrTime): void {
  const http = provider.getTracer("@opentelemetry/instrumentation-http", "0.223.0");
  const app = provider.getTracer("checkout-app", "2.4.1");
  const pg = provider.getTracer("@opentelemetry/instrumentation-pg", "0.61.0");

  for (let t = 0; t < traceCount; t++) {
    const start = addNs(baseTime, t * 1_000_003);
    const orderId = 10_000 + t;
    const root = http.startSpan(
      "POST /api/v1/orders/:id/checkout",
      {
        kind: SpanKind.SERVER,
        startTime: start,
        attributes: {
          "http.request.method": "POST",
          "http.route": "/api/v1/orders/:id/checkout",
          "url.path": `/api/v1/orders/${orderId}/checkout`,
          "url.scheme": "https",
          "server.address": "shop.example.com",
          "server.port": 443,
          "client.address": "203.0.113.24",
          "network.protocol.version": "1.1",
          "user_agent.original": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
          "http.response.status_code": t % 4 === 3 ? 500 : 200,
        },
      },
      ROOT_CONTEXT,
    );
    const rootContext = trace.setSpan(ROOT_CONTEXT, root);
    const handler = app.startSpan("checkout.process", { startTime: addNs(start, 40_000), attributes: { "order.id": orderId, "order.items": 3, "order.total": 129.95, "order.express": t % 2 === 0 } }, rootContext);
    const handlerContext = trace.setSpan(rootContext, handler);

    const userCall = http.startSpan("GET", { kind: SpanKind.CLIENT, startTime: addNs(start, 60_000), attributes: { "http.request.method": "GET", "server.address": "users.internal", "server.port": 8080, "url.full": `http://users.internal:8080/users/${t}`, "http.response.status_code": 200, "peer.service": "users" } }, handlerContext);
    userCall.end(addNs(start, 2_060_000));

    for (let q = 0; q < 3; q++) {
      const db = pg.startSpan("SELECT shop.order_items", {
        kind: SpanKind.CLIENT,
        startTime: addNs(start, 2_100_000 + q * 300_000),
        attributes: {
          "db.system.name": "postgresql",
          "db.namespace": "shop",
          "db.operation.name": "SELECT",
          "db.collection.name": "order_items",
          "db.query.text": "SELECT id, sku, quantity, unit_price FROM order_items WHERE order_id = $1 ORDER BY id",
          "server.address": "db.internal",
          "server.port": 5432,
        },
      }, handlerContext);
      db.end(addNs(start, 2_350_000 + q * 300_000));
    }

    const link: Link = { context: userCall.spanContext(), attributes: { "link.reason": "follows-from" } };
    const publish = app.startSpan("order.created publish", { kind: SpanKind.PRODUCER, startTime: addNs(start, 3_100_000), links: [link], attributes: { "messaging.system": "rabbitmq", "messaging.destination.name": "order.created", "messaging.operation.type": "send", "messaging.message.body.size": 412 } }, handlerContext);
    publish.end(addNs(start, 3_400_000));

    const render = app.startSpan("render.receipt", { startTime: addNs(start, 3_500_000), attributes: { "template.name": "receipt.html", "template.cache_hit": false } }, handlerContext);
    render.end(addNs(start, 3_900_000));

    if (t % 4 === 3) {
      handler.recordException({ name: "PaymentDeclined", message: "card declined by issuer", stack: "PaymentDeclined: card declined by issuer\n    at charge (payments.ts:42:11)" }, addNs(start, 3_950_000));
      handler.setStatus({ code: SpanStatusCode.ERROR, message: "card declined by issuer" });
      root.setStatus({ code: SpanStatusCode.ERROR });
    }
    handler.end(addNs(start, 3_960_000));
    root.end(addNs(start, 4_000_000));
  }
}

export function serializeProtobufRequest(spans: ReadableSpan[]): Uint8Array {
  const body = ProtobufTraceSerializer.serializeRequest(spans);
  if (body === undefined) throw new Error("ProtobufTraceSerializer produced no body");
  return body;
}

export function serializeJsonRequest(spans: ReadableSpan[]): Uint8Array {
  const body = JsonTraceSerializer.serializeRequest(spans);
  if (body === undefined) throw new Error("JsonTraceSerializer produced no body");
  return body;
}
