// loyalty: points for gold customers. Only called on the gold tier's path, so flows of the
// same entry point differ by whether this service appears.
import { HttpError } from "../http-server";
import { chance, simulateWork } from "../latency";
import type { CreateService } from "./service-definition";

interface PointsRequest {
  customerId?: unknown;
  orderId?: unknown;
  amountCents?: unknown;
}

export const createService: CreateService = () => {
  const balances = new Map<string, number>();
  return {
    routes: [
      {
        method: "POST",
        route: "/loyalty/points",
        handler: async ({ body }) => {
          const request = (body ?? {}) as PointsRequest;
          if (typeof request.customerId !== "string" || typeof request.amountCents !== "number") {
            throw new HttpError(400, "customerId and amountCents are required");
          }
          // Occasionally slow, like a partner API.
          await (chance(0.05) ? simulateWork(400, 1200) : simulateWork(8, 30));
          // One point per whole currency unit spent.
          const earned = Math.floor(request.amountCents / 100);
          const balance = (balances.get(request.customerId) ?? 0) + earned;
          balances.set(request.customerId, balance);
          return { status: 200, body: { customerId: request.customerId, earned, balance } };
        },
      },
    ],
  };
};
