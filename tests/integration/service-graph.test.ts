// The service graph through the running app: demo-shaped traffic from the official SDK, one
// client per service, read back in the service view (the default) and the endpoint view, on
// SQLite and, when TEST_DATABASE_URL is set, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendShopTraffic } from "../../e2e/support/seed-shop-traffic";
import { startApp, tempPostgresUrl, type AppServer } from "../support/app-server";

interface ServiceView {
  view: string;
  nodes: { id: string; type: string; calls_in: number; errors_in: number; p95_in_ms: number | null; endpoints: { id: string; call_count: number; error_count: number; p95_duration_ms: number | null }[] }[];
  edges: { source: string; target: string; kinds: string[]; call_count: number; error_count: number; p95_duration_ms: number | null }[];
}

describe.each([
  ["SQLite", async () => undefined],
  ["PostgreSQL", tempPostgresUrl],
] as const)("the service graph on %s", (store, database) => {
  let app: AppServer | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  const workspace = "shop";

  beforeAll(async () => {
    const temp = await database();
    if (store === "PostgreSQL" && !temp) return;
    dropDatabase = temp?.drop;
    app = await startApp(temp ? { databaseUrl: temp.url } : {});
    // 12 orders (the first 2 with a failing product lookup, 4 gold ones calling loyalty), 5 reads.
    await sendShopTraffic(app.baseUrl, workspace, { orders: 12, reads: 5, productFailures: 2 });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await dropDatabase?.();
  });
  const api = (path: string) => fetch(`${app!.baseUrl}/api/v1/workspaces/${workspace}${path}`);

  it("joins services to the services they call, with calls, errors and P95", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const graph = (await (await api("/telemetry/graph")).json()) as ServiceView;
    expect(graph.view).toBe("service");
    expect(graph.nodes.map((n) => n.id)).toEqual([
      "database:orders",
      "service:api-gateway",
      "service:loyalty",
      "service:notifications",
      "service:orders",
      "service:products",
      "service:storefront",
      "service:users",
      "topic:order.created",
    ]);
    expect(graph.edges.map((e) => [e.source, e.target, e.kinds.join("+"), e.call_count, e.error_count])).toEqual([
      ["service:api-gateway", "service:orders", "calls", 17, 0],
      ["service:orders", "database:orders", "reads+writes", 17, 0],
      ["service:orders", "service:loyalty", "calls", 4, 0],
      ["service:orders", "service:products", "calls", 12, 2],
      ["service:orders", "service:users", "calls", 12, 0],
      ["service:orders", "topic:order.created", "publishes", 12, 0],
      ["service:storefront", "service:api-gateway", "calls", 12, 0],
      ["topic:order.created", "service:notifications", "consumes", 12, 0],
    ]);
    for (const edge of graph.edges) expect(edge.p95_duration_ms).toBeGreaterThan(0);
    // The gateway's calls as it saw them: 87 ms for an order, 7 ms for a read; the P95 is an order's.
    const gateway = graph.edges.find((e) => e.source === "service:api-gateway")!;
    expect(gateway.p95_duration_ms!).toBeGreaterThan(86);
    expect(gateway.p95_duration_ms!).toBeLessThan(88);

    const orders = graph.nodes.find((n) => n.id === "service:orders")!;
    expect(orders).toMatchObject({ type: "service", calls_in: 17, errors_in: 0 });
    expect(orders.endpoints.map((e) => [e.id, e.call_count, e.error_count])).toEqual([
      ["api_endpoint:POST /orders", 12, 0],
      ["api_endpoint:GET /orders/:id", 5, 0],
    ]);
    expect(graph.nodes.find((n) => n.id === "service:products")).toMatchObject({ calls_in: 12, errors_in: 2 });
  });

  it("keeps the endpoint view, and names the field of a bad view", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const graph = await (await api("/telemetry/graph?view=endpoint")).json();
    expect(graph.view).toBe("endpoint");
    expect(graph.nodes.filter((n: { type: string }) => n.type === "api_endpoint").map((n: { id: string }) => n.id)).toEqual([
      "api_endpoint:GET /api/v1/orders/:id",
      "api_endpoint:GET /orders/:id",
      "api_endpoint:GET /products/:id",
      "api_endpoint:GET /users/:id",
      "api_endpoint:POST /api/v1/orders",
      "api_endpoint:POST /loyalty/points",
      "api_endpoint:POST /orders",
    ]);
    const call = graph.edges.find((e: { id: string }) => e.id === "calls:service:api-gateway→api_endpoint:POST /orders");
    expect(call).toMatchObject({ kind: "calls", call_count: 12, error_count: 0 });
    expect(call.p95_duration_ms).toBeGreaterThan(0);
    // Served requests count for the service, not 0.
    expect(graph.nodes.find((n: { id: string }) => n.id === "service:orders")).toMatchObject({ calls_in: 17 });

    const bad = await api("/telemetry/graph?view=services");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].path).toBe("view");
  });

  it("lists the flows through a service: through any of its endpoints", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    type Flows = { flows: { entry_service: string; entry_operation: string }[]; total: number };
    const through = async (query: string) =>
      ((await (await api(`/telemetry/flows?${query}`)).json()) as Flows).flows.map((f) => `${f.entry_service} ${f.entry_operation}`).sort();
    // Orders placed by gold and by other customers take two paths; reads a third.
    expect(await through("through_service=orders")).toEqual(["api-gateway GET /api/v1/orders/:id", "storefront checkout", "storefront checkout"]);
    expect(await through("through_service=loyalty")).toEqual(["storefront checkout"]);
    expect(await through("through_service=nobody")).toEqual([]);
    // service:orders itself is no step of any path: the node filter alone finds nothing.
    expect(await through("node=service:orders")).toEqual([]);
  });
});
