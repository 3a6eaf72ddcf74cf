import { describe, expect, it } from "vitest";
import { makeSpan } from "../otlp/testing/make-span";
import { SpanKind } from "../otlp/span";
import { readJourneyCalls } from "./read-journey-calls";

const id = (n: number) => n.toString(16).padStart(16, "0");

/** A storefront journey: place an order, then read it back by the id the first call returned. */
function journeySpans() {
  return [
    makeSpan({ spanId: id(1), service: "storefront", name: "checkout journey", kind: SpanKind.INTERNAL, startNs: 0n }),
    makeSpan({
      spanId: id(3),
      parentSpanId: id(1),
      service: "storefront",
      name: "GET",
      kind: SpanKind.CLIENT,
      startNs: 300n,
      attributes: { "http.request.method": "GET", "url.full": "http://127.0.0.1:4100/api/v1/orders/o-7f3a", "http.response.status_code": 200 },
    }),
    makeSpan({
      spanId: id(2),
      parentSpanId: id(1),
      service: "storefront",
      name: "POST",
      kind: SpanKind.CLIENT,
      startNs: 100n,
      attributes: {
        "http.request.method": "POST",
        "url.full": "http://127.0.0.1:4100/api/v1/orders?source=web",
        "http.response.status_code": 201,
        "http.request.header.x-customer-id": ["c-2"],
        "http.request.header.authorization": ["Bearer secret"],
        "http.request.body": '{"customerId":"c-2"}',
        "http.response.body": '{"id":"o-7f3a","status":"confirmed"}',
      },
    }),
    makeSpan({ spanId: id(4), parentSpanId: id(2), service: "api-gateway", name: "POST /api/v1/orders", kind: SpanKind.SERVER, startNs: 110n, attributes: { "http.route": "/api/v1/orders" } }),
    makeSpan({ spanId: id(5), parentSpanId: id(3), service: "api-gateway", name: "GET /api/v1/orders/:id", kind: SpanKind.SERVER, startNs: 310n, attributes: { "http.route": "/api/v1/orders/:id" } }),
    // The gateway's own outgoing call is the system's business, not a request of the journey.
    makeSpan({ spanId: id(6), parentSpanId: id(4), service: "api-gateway", name: "POST", kind: SpanKind.CLIENT, startNs: 120n, attributes: { "http.request.method": "POST", "url.full": "http://127.0.0.1:4101/orders" } }),
  ];
}

describe("readJourneyCalls", () => {
  it("reads the client's outermost requests in the order they were sent", () => {
    const calls = readJourneyCalls(journeySpans(), id(1));
    expect(calls).toEqual([
      {
        method: "POST",
        origin: "http://127.0.0.1:4100",
        path: "/api/v1/orders",
        query: "source=web",
        route: "/api/v1/orders",
        calleeService: "api-gateway",
        headers: { "x-customer-id": "c-2" },
        requestBody: { customerId: "c-2" },
        responseBody: { id: "o-7f3a", status: "confirmed" },
        status: 201,
      },
      {
        method: "GET",
        origin: "http://127.0.0.1:4100",
        path: "/api/v1/orders/o-7f3a",
        query: null,
        route: "/api/v1/orders/:id",
        calleeService: "api-gateway",
        headers: {},
        requestBody: undefined,
        responseBody: undefined,
        status: 200,
      },
    ]);
  });

  it("is null for a trace that entered through a server span", () => {
    const spans = journeySpans().slice(3);
    expect(readJourneyCalls(spans, id(4))).toBeNull();
  });

  it("is null for a client root that sent no HTTP request, and when the root is unknown", () => {
    expect(readJourneyCalls([journeySpans()[0]], id(1))).toBeNull();
    expect(readJourneyCalls(journeySpans(), id(9))).toBeNull();
  });

  it("counts an inner retry under an outer client span once", () => {
    const spans = journeySpans();
    spans.push(
      makeSpan({ spanId: id(7), parentSpanId: id(2), service: "storefront", name: "POST", kind: SpanKind.CLIENT, startNs: 105n, attributes: { "http.request.method": "POST", "url.full": "http://127.0.0.1:4100/api/v1/orders" } }),
    );
    expect(readJourneyCalls(spans, id(1))?.map((c) => `${c.method} ${c.path}`)).toEqual(["POST /api/v1/orders", "GET /api/v1/orders/o-7f3a"]);
  });
});
