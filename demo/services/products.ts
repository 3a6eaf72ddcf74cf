// products: catalog and stock. Has the demo's occasional slow call (a cold cache miss).
import { PRODUCTS } from "../catalog";
import { HttpError } from "../http-server";
import { chance, simulateWork } from "../latency";

const CACHE_MISS_SHARE = Number(process.env.DEMO_CACHE_MISS_SHARE ?? 0.03);
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
          return { status: 200, body: product };
        },
      },
    ],
  };
};
