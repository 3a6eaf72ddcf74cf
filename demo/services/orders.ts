// orders: creates and reads orders. The demo's busiest trace: users and products over HTTP,
// a database write, loyalty points for gold customers, and an `order.created` message.
import { randomUUID } from "node:crypto";
import { trace } from "@opentelemetry/api";
import type { Customer, Product } from "../catalog";
import { requestJson } from "../http-client";
import { failActiveSpan, HttpError } from "../http-server";
import { simulateWork } from "../latency";
import { publish } from "../message-queue";
import { OrdersStore } from "./orders-store";
import type { CreateService } from "./service-definition";

export const ORDER_CREATED_TOPIC = "order.created";

interface OrderLine {
  productId: string;
  quantity: number;
}

export interface OrderCreatedMessage {
  orderId: string;
  customerId: string;
  totalCents: number;
}

function parseOrder(body: unknown): { customerId: string; items: OrderLine[] } {
  const candidate = (body ?? {}) as { customerId?: unknown; items?: unknown };
  const items = Array.isArray(candidate.items) ? (candidate.items as Partial<OrderLine>[]) : [];
  const valid =
    typeof candidate.customerId === "string" &&
    items.length > 0 &&
    items.every((line) => typeof line.productId === "string" && Number.isInteger(line.quantity) && line.quantity! > 0);
  if (!valid) throw new HttpError(400, "customerId and items[{productId, quantity}] are required");
  return { customerId: candidate.customerId as string, items: items as OrderLine[] };
}

export const createService: CreateService = ({ tracer, urls }) => {
  const store = new OrdersStore(tracer);
  // Plays a release that adds a fraud check: sent by run-demo.ts after DEMO_DRIFT_AFTER_S, so
  // every order's path gains a node and Flowprint opens a drift alert.
  let fraudCheck = false;
  if (process.send) process.on("message", (message: { type?: string }) => message?.type === "drift" && (fraudCheck = true));

  return {
    routes: [
      {
        method: "POST",
        route: "/orders",
        handler: async ({ body }) => {
          const order = parseOrder(body);

          const user = await requestJson<Customer>(`${urls.users}/users/${encodeURIComponent(order.customerId)}`);
          if (user.status !== 200) throw new HttpError(422, `unknown customer ${order.customerId}`);
          const customer = user.body;
          trace.getActiveSpan()?.setAttribute("customer.tier", customer.tier);

          let totalCents = 0;
          for (const line of order.items) {
            const response = await requestJson<Product>(`${urls.products}/products/${encodeURIComponent(line.productId)}`);
            if (response.status >= 500) throw new HttpError(502, `products could not look up ${line.productId}`);
            if (response.status !== 200) throw new HttpError(422, `unknown product ${line.productId}`);
            if (response.body.stock < line.quantity) {
              // A 409 is a client error to HTTP semconv, so the server span would stay unset:
              // flag it, because for the business an order that could not be placed failed.
              failActiveSpan(`product ${line.productId} is out of stock`, "out_of_stock");
              throw new HttpError(409, `product ${line.productId} is out of stock`);
            }
            totalCents += response.body.priceCents * line.quantity;
          }

          await simulateWork(1, 5); // pricing and validation
          if (fraudCheck) {
            const screening = await requestJson<{ verdict: string }>(`${urls.users}/users/${encodeURIComponent(customer.id)}/fraud-check`, {
              method: "POST",
              body: { orderTotalCents: totalCents },
            });
            if (screening.status !== 200 || screening.body.verdict !== "approve") throw new HttpError(422, "the order did not pass the fraud check");
          }
          const id = `o-${randomUUID()}`;
          store.save({
            id,
            customerId: customer.id,
            items: JSON.stringify(order.items),
            totalCents,
            createdAt: new Date().toISOString(),
          });

          // DEMO_SKIP_LOYALTY=1 plays a release that forgot the loyalty call.
          if (customer.tier === "gold" && process.env.DEMO_SKIP_LOYALTY !== "1" && process.env.DEMO_SKIP_LOYALTY !== "true") {
            const points = await requestJson(`${urls.loyalty}/loyalty/points`, {
              method: "POST",
              body: { customerId: customer.id, orderId: id, amountCents: totalCents },
            });
            // Points are best effort: the order stands even if loyalty is down.
            if (points.status !== 200) trace.getActiveSpan()?.addEvent("loyalty points not credited");
          }

          const message: OrderCreatedMessage = { orderId: id, customerId: customer.id, totalCents };
          await publish(tracer, urls.notifications, ORDER_CREATED_TOPIC, message);
          return { status: 201, body: { id, totalCents, status: "created" } };
        },
      },
      {
        method: "GET",
        route: "/orders/:id",
        handler: async ({ params }) => {
          await simulateWork(1, 4);
          const order = store.find(params.id!);
          if (!order) throw new HttpError(404, `no order ${params.id}`);
          return { status: 200, body: { ...order, items: JSON.parse(order.items) as unknown } };
        },
      },
    ],
  };
};
