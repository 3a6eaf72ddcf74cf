// api-gateway: the public entry. Its server span is each trace's root, so it carries the
// caller's identity (`enduser.id`, `customer.tier`) that the auth proxy in front passes on.
import { trace } from "@opentelemetry/api";
import { requestJson } from "../http-client";
import type { RouteReply, RouteRequest } from "../http-server";
import { simulateWork } from "../latency";
import type { CreateService } from "./service-definition";

function header(request: RouteRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Tags the entry span with the caller and returns the headers to pass downstream. */
function identify(request: RouteRequest): Record<string, string> {
  const customerId = header(request, "x-customer-id");
  const tier = header(request, "x-customer-tier");
  const span = trace.getActiveSpan();
  if (customerId) span?.setAttribute("enduser.id", customerId);
  if (tier) span?.setAttribute("customer.tier", tier);
  return customerId ? { "x-customer-id": customerId } : {};
}

export const createService: CreateService = ({ urls }) => {
  const relay = async (url: string, request: RouteRequest, method: "GET" | "POST"): Promise<RouteReply> => {
    const headers = identify(request);
    await simulateWork(1, 3); // authentication and rate limiting
    const response = await requestJson(url, { method, headers, body: request.body });
    return { status: response.status, body: response.body };
  };

  return {
    routes: [
      {
        method: "POST",
        route: "/api/v1/orders",
        handler: (request) => relay(`${urls.orders}/orders`, request, "POST"),
      },
      {
        method: "GET",
        route: "/api/v1/orders/:id",
        handler: (request) => relay(`${urls.orders}/orders/${encodeURIComponent(request.params.id!)}`, request, "GET"),
      },
      {
        method: "GET",
        route: "/api/v1/products",
        handler: (request) => relay(`${urls.products}/products`, request, "GET"),
      },
      {
        method: "POST",
        route: "/api/v1/support/questions",
        handler: (request) => relay(`${urls.assistant}/assistant/answers`, request, "POST"),
      },
    ],
  };
};
