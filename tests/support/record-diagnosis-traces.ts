// Traces whose diagnosis is known by construction, recorded with the official OpenTelemetry SDK
// at explicit times (offsets in ms from `start`), for the tests of the trace page's diagnosis.
import { context, SpanKind, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";

/**
 * shop POST /checkout (0-200 ms) reads the cart (10-40), charges the card (50-150), which
 * payments' POST /charges (52-148) declines, then fails to send the receipt (160-190). The
 * declined charge is where the error starts; the receipt is a later failure of its own; the
 * checkout's and the charge call's messages repeat the decline, so they only pass it on.
 */
export function recordDeclinedCheckout(shop: Tracer, payments: Tracer, start: number) {
  const root = shop.startSpan("POST /checkout", { kind: SpanKind.SERVER, startTime: start, attributes: { "http.request.method": "POST", "http.route": "/checkout" } });
  const inRoot = trace.setSpan(context.active(), root);
  const cart = shop.startSpan("GET /cart", { kind: SpanKind.CLIENT, startTime: start + 10 }, inRoot);
  cart.end(start + 40);
  const charge = shop.startSpan("charge card", { kind: SpanKind.CLIENT, startTime: start + 50 }, inRoot);
  const charges = payments.startSpan("POST /charges", { kind: SpanKind.SERVER, startTime: start + 52, attributes: { "http.request.method": "POST", "http.route": "/charges" } }, trace.setSpan(context.active(), charge));
  charges.setStatus({ code: SpanStatusCode.ERROR, message: "card declined: insufficient funds" });
  charges.end(start + 148);
  charge.setStatus({ code: SpanStatusCode.ERROR, message: "card declined" });
  charge.end(start + 150);
  const receipt = shop.startSpan("send receipt", { kind: SpanKind.CLIENT, startTime: start + 160 }, inRoot);
  receipt.setStatus({ code: SpanStatusCode.ERROR, message: "mailer unavailable" });
  receipt.end(start + 190);
  root.setStatus({ code: SpanStatusCode.ERROR, message: "checkout failed: card declined" });
  root.end(start + 200);
  const id = (span: { spanContext(): { spanId: string } }) => span.spanContext().spanId;
  return { traceId: root.spanContext().traceId, root: id(root), cart: id(cart), charge: id(charge), charges: id(charges), receipt: id(receipt) };
}

/** gateway POST /orders answers 504 after 1 s while orders' POST /orders, which reports no error, is still working. */
export function recordMaskedTimeout(gateway: Tracer, orders: Tracer, start: number) {
  const root = gateway.startSpan("POST /orders", { kind: SpanKind.SERVER, startTime: start, attributes: { "http.request.method": "POST", "http.response.status_code": 504 } });
  root.setStatus({ code: SpanStatusCode.ERROR });
  const egress = gateway.startSpan("proxy to orders", { kind: SpanKind.CLIENT, startTime: start + 1 }, trace.setSpan(context.active(), root));
  const server = orders.startSpan("POST /orders", { kind: SpanKind.SERVER, startTime: start + 2, attributes: { "http.route": "/orders", "http.request.method": "POST" } }, trace.setSpan(context.active(), egress));
  server.end(start + 1000);
  egress.end(start + 1000);
  root.end(start + 1000);
  return { traceId: root.spanContext().traceId, gateway: root.spanContext().spanId, egress: egress.spanContext().spanId, orders: server.spanContext().spanId };
}
