// Traffic generator: a steady stream of requests to the gateway with a realistic mix, so every
// flow of the demo (plain order, gold order, out-of-stock, reads, support questions) shows up
// within seconds.
import { CUSTOMERS, OUT_OF_STOCK_PRODUCT_ID, PRODUCTS, type Customer } from "./catalog";
import { requestJson } from "./http-client";
import { chance } from "./latency";
import { supportQuestion } from "./support-questions";

export interface TrafficCounts {
  /** Requests started; `completed` of them have an outcome counted below. */
  sent: number;
  completed: number;
  ok: number;
  clientErrors: number;
  serverErrors: number;
  /** No HTTP answer at all (connection refused, timeout). */
  failed: number;
}

export interface TrafficOptions {
  gatewayUrl: string;
  requestsPerSecond: number;
  /** Called after every 50th completed request. */
  onProgress?: (counts: TrafficCounts) => void;
}

export interface Traffic {
  counts: TrafficCounts;
  /** Stops sending and resolves when the requests in flight have completed. */
  stop(): Promise<void>;
}

/** Caps concurrency so a stalled system slows the generator instead of piling up sockets. */
const MAX_IN_FLIGHT = 64;
/** Newest order ids, for GET /api/v1/orders/:id; bounded so memory stays flat. */
const KNOWN_ORDERS_KEPT = 500;

const GOLD = CUSTOMERS.filter((customer) => customer.tier === "gold");
const STANDARD = CUSTOMERS.filter((customer) => customer.tier !== "gold");
const IN_STOCK = PRODUCTS.filter((product) => product.stock > 0);

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

function identityHeaders(customer: Customer): Record<string, string> {
  return { "x-customer-id": customer.id, "x-customer-tier": customer.tier };
}

export function startTraffic(options: TrafficOptions): Traffic {
  const counts: TrafficCounts = { sent: 0, completed: 0, ok: 0, clientErrors: 0, serverErrors: 0, failed: 0 };
  const knownOrders: string[] = [];
  const inFlight = new Set<Promise<void>>();
  const gateway = options.gatewayUrl;

  function placeOrder(): Promise<void> {
    // About 10% gold customers: the loyalty path is a minority variant of the same entry point.
    const customer = chance(0.1) ? pick(GOLD) : pick(STANDARD);
    const items = [{ productId: pick(IN_STOCK).id, quantity: 1 + Math.floor(Math.random() * 3) }];
    if (chance(0.3)) items.push({ productId: pick(IN_STOCK).id, quantity: 1 });
    // About 4% of orders ask for the sold-out product and fail with 409.
    if (chance(0.04)) items.push({ productId: OUT_OF_STOCK_PRODUCT_ID, quantity: 1 });
    return send(`${gateway}/api/v1/orders`, "POST", identityHeaders(customer), { customerId: customer.id, items }, (body) => {
      const id = (body as { id?: unknown } | undefined)?.id;
      if (typeof id === "string") {
        knownOrders.push(id);
        if (knownOrders.length > KNOWN_ORDERS_KEPT) knownOrders.shift();
      }
    });
  }

  function readOrder(): Promise<void> {
    // A few reads ask for an order that does not exist: the 404 path.
    const id = knownOrders.length === 0 || chance(0.05) ? "o-missing" : pick(knownOrders);
    return send(`${gateway}/api/v1/orders/${id}`, "GET", identityHeaders(pick(CUSTOMERS)));
  }

  function askQuestion(): Promise<void> {
    const customer = pick(CUSTOMERS);
    const question = supportQuestion(customer, pick(knownOrders));
    return send(`${gateway}/api/v1/support/questions`, "POST", identityHeaders(customer), { customerId: customer.id, question });
  }

  function nextRequest(): Promise<void> {
    const roll = Math.random();
    if (knownOrders.length === 0) return placeOrder();
    // About 8% support questions: each is a model call, the demo's LLM traffic.
    if (roll < 0.08) return askQuestion();
    if (roll < 0.58) return placeOrder();
    if (roll < 0.86) return readOrder();
    return send(`${gateway}/api/v1/products`, "GET", {});
  }

  async function send(
    url: string,
    method: "GET" | "POST",
    headers: Record<string, string>,
    body?: unknown,
    onOk?: (body: unknown) => void,
  ): Promise<void> {
    counts.sent++;
    try {
      const response = await requestJson(url, { method, headers, body, timeoutMs: 10_000 });
      if (response.status < 400) {
        counts.ok++;
        onOk?.(response.body);
      } else if (response.status < 500) counts.clientErrors++;
      else counts.serverErrors++;
    } catch {
      counts.failed++;
    }
    counts.completed++;
    if (counts.completed % 50 === 0) options.onProgress?.({ ...counts });
  }

  // Send by elapsed time rather than one timer per request: timers drift under load, and high
  // rates need several requests per tick.
  const startedAt = Date.now();
  let scheduled = 0;
  const tickMs = Math.max(5, Math.min(100, 1000 / options.requestsPerSecond));
  const timer = setInterval(() => {
    const due = Math.floor(((Date.now() - startedAt) / 1000) * options.requestsPerSecond) + 1;
    while (scheduled < due && inFlight.size < MAX_IN_FLIGHT) {
      scheduled++;
      const request = nextRequest().finally(() => inFlight.delete(request));
      inFlight.add(request);
    }
    // Behind because of the cap: forget the backlog instead of bursting when the system recovers.
    if (scheduled < due) scheduled = due;
  }, tickMs);

  return {
    counts,
    stop: async () => {
      clearInterval(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}
