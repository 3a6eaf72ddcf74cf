// products: catalog and stock. Has the demo's occasional slow call (a cold cache miss) and its
// failure that one attribute explains: lookups of espresso machines (category "machines") wait
// on a supplier feed that times out now and then, so orders with a machine in them fail.
import { trace } from "@opentelemetry/api";
import { PRODUCTS } from "../catalog";
import { failActiveSpan, HttpError } from "../http-server";
import { chance, simulateWork } from "../latency";

const CACHE_MISS_SHARE = Number(process.env.DEMO_CACHE_MISS_SHARE ?? 0.03);
const SUPPLIER_FAILURE_SHARE = Number(process.env.DEMO_SUPPLIER_FAILURE_SHARE ?? 0.5);
export const SUPPLIER_CATEGORY = "machines";
import type { CreateService } from "./service-definition";

export const createService: CreateService = () => {
  const byId = new Map(PRODUCTS.map((product) => [product.id, product]));
  return {
    routes: [
      {
        method: "GET",
        route: "/products",
        handler: async () => {
          await simulateWork(10, 30);
          return { status: 200, body: { products: PRODUCTS } };
        },
      },
      {
        method: "GET",
        route: "/products/:id",
        handler: async ({ params }) => {
          // About 3% of lookups miss the cache and take 0.3-0.9 s: a latency tail for the P95
          // figures. DEMO_CACHE_MISS_SHARE changes the share (0 for steady latencies).
          if (chance(CACHE_MISS_SHARE)) await simulateWork(300, 900);
          else await simulateWork(2, 10);
          const product = byId.get(params.id!);
          if (!product) throw new HttpError(404, `no product ${params.id}`);
          trace.getActiveSpan()?.setAttributes({ "product.id": product.id, "product.category": product.category });
          if (product.category === SUPPLIER_CATEGORY && chance(SUPPLIER_FAILURE_SHARE)) {
            failActiveSpan(`supplier feed for ${product.category} timed out`, "supplier_timeout");
            throw new HttpError(503, `supplier feed for ${product.category} timed out`);
          }
          return { status: 200, body: product };
        },
      },
    ],
  };
};
