// storefront: the shop's web client, instrumented the way browser and mobile SDKs record a user
// journey: one "checkout journey" span whose client spans are the requests the user's page
// sent (with their bodies), so a trace shows that the second request used the order id the
// first one returned. It serves nothing; it runs journeys while the demo sends traffic.
import { context, propagation, SpanKind, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";
import { suppressTracing } from "@opentelemetry/core";
import { CUSTOMERS, PRODUCTS } from "../catalog";
import { readDemoConfig } from "../config";
import { requestJson, type JsonResponse } from "../http-client";
import { ATTR_PEER_SERVICE } from "../telemetry";
import type { CreateService } from "./service-definition";

/** One journey every this long: a steady trickle beside the gateway's traffic. */
const JOURNEY_EVERY_MS = 1_000;

// Standard customers and in-stock products: every journey takes the same path, the one variant
// of its entry point.
const CUSTOMERS_WITHOUT_LOYALTY = CUSTOMERS.filter((c) => c.tier === "standard");
const IN_STOCK = PRODUCTS.filter((p) => p.stock > 0);
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** An HTTP call under its own client span, carrying that span's traceparent. */
async function tracedRequest(tracer: Tracer, url: string, method: "GET" | "POST", headers: Record<string, string>, body?: unknown): Promise<JsonResponse<unknown>> {
  const target = new URL(url);
  return tracer.startActiveSpan(
    method,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        "http.request.method": method,
        "url.full": url,
        "server.address": target.hostname,
        "server.port": Number(target.port),
        [ATTR_PEER_SERVICE]: "api-gateway",
        ...Object.fromEntries(Object.entries(headers).map(([name, value]) => [`http.request.header.${name}`, [value]])),
        ...(body === undefined ? {} : { "http.request.body": JSON.stringify(body) }),
      },
    },
    async (span) => {
      const carrier: Record<string, string> = {};
      propagation.inject(context.active(), carrier);
      try {
        // The HTTP instrumentation would add a second client span for the same call.
        const response = await context.with(suppressTracing(context.active()), () => requestJson(url, { method, headers: { ...headers, ...carrier }, body }));
        span.setAttribute("http.response.status_code", response.status);
        if (response.body !== undefined) span.setAttribute("http.response.body", JSON.stringify(response.body));
        if (response.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
        return response;
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

export const createService: CreateService = ({ tracer, urls }) => {
  const gateway = urls["api-gateway"];
  const inFlight = new Set<Promise<void>>();

  const journey = () =>
    tracer.startActiveSpan("checkout journey", { kind: SpanKind.INTERNAL }, async (span) => {
      const customer = pick(CUSTOMERS_WITHOUT_LOYALTY);
      const headers = { "x-customer-id": customer.id, "x-customer-tier": customer.tier };
      span.setAttribute("enduser.id", customer.id);
      try {
        const created = await tracedRequest(tracer, `${gateway}/api/v1/orders`, "POST", headers, { customerId: customer.id, items: [{ productId: pick(IN_STOCK).id, quantity: 1 }] });
        const id = (created.body as { id?: unknown } | undefined)?.id;
        if (typeof id === "string") await tracedRequest(tracer, `${gateway}/api/v1/orders/${encodeURIComponent(id)}`, "GET", headers);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      } finally {
        span.end();
      }
    });

  let timer: NodeJS.Timeout | undefined;
  const startJourneys = () => {
    if (timer) return;
    timer = setInterval(() => {
      // Not inside any request: each journey is its own trace.
      const run = context.with(trace.deleteSpan(context.active()), journey).finally(() => inFlight.delete(run));
      inFlight.add(run);
    }, JOURNEY_EVERY_MS);
    const { trafficS } = readDemoConfig();
    if (trafficS !== undefined) setTimeout(stopJourneys, trafficS * 1000).unref();
  };
  const stopJourneys = () => clearInterval(timer);
  // Under run-demo.ts journeys start with the traffic, once Flowprint is there to receive them.
  if (process.send) process.on("message", (message: { type?: string }) => message?.type === "traffic" && startJourneys());
  else startJourneys();

  return {
    routes: [],
    drain: async () => {
      stopJourneys();
      await Promise.allSettled([...inFlight]);
    },
  };
};
