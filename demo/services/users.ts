// users: customer lookup and fraud screening. Owns the customer records (including the tier
// orders branches on).
import { CUSTOMERS } from "../catalog";
import { HttpError } from "../http-server";
import { simulateWork } from "../latency";
import type { CreateService } from "./service-definition";

export const createService: CreateService = () => {
  const byId = new Map(CUSTOMERS.map((customer) => [customer.id, customer]));
  return {
    routes: [
      {
        method: "GET",
        route: "/users/:id",
        handler: async ({ params }) => {
          await simulateWork(3, 15);
          const customer = byId.get(params.id!);
          if (!customer) throw new HttpError(404, `no user ${params.id}`);
          return { status: 200, body: customer };
        },
      },
      {
        // Only called once the demo's path change (DEMO_DRIFT_AFTER_S) starts fraud checks.
        method: "POST",
        route: "/users/:id/fraud-check",
        handler: async ({ params }) => {
          await simulateWork(2, 8);
          if (!byId.has(params.id!)) throw new HttpError(404, `no user ${params.id}`);
          return { status: 200, body: { customerId: params.id, verdict: "approve" } };
        },
      },
    ],
  };
};
