// Test-only: a realistic small trace (a gateway in front of a user service that reads Postgres
// and, in the failing variant, fails to reach its Redis session cache).
import { SpanKind } from "../../otlp/span";
import { makeTraceSpan } from "../../traces/testing/make-trace-span";
import type { TraceContextSpanInput } from "../trace-context";

export const GATEWAY_ID = "00000000000000a1";
export const USERS_ID = "00000000000000b2";
export const POSTGRES_ID = "00000000000000c3";
export const CACHE_ID = "00000000000000d4";

/** 2^53 + 1: the smallest integer a double cannot hold. */
export const UNSAFE_USER_ID = "9007199254740993";

export function checkoutTraceSpans(options: { cacheFails: boolean } = { cacheFails: true }): TraceContextSpanInput[] {
  const gateway: TraceContextSpanInput = {
    ...makeTraceSpan({
      spanId: GATEWAY_ID,
      service: "gateway",
      name: "GET /users/:id",
      kind: SpanKind.SERVER,
      startMs: 0,
      endMs: 120,
      attributes: { "http.request.method": "GET", "http.route": "/users/:id", "http.response.status_code": 200 },
    }),
    resourceAttributes: { "service.name": "gateway", "service.version": "1.4.2" },
  };
  const users = makeTraceSpan({
    spanId: USERS_ID,
    parentSpanId: GATEWAY_ID,
    service: "user-service",
    name: "GET /internal/users/:id",
    kind: SpanKind.SERVER,
    startMs: 10,
    endMs: 110.5,
    attributes: {
      "http.response.status_code": { $int: "200" },
      "user.id": { $int: UNSAFE_USER_ID },
      "cache.hit_ratio": { $double: 1 },
      "feature.flags": ["new-profile", "dark-mode"],
    },
  });
  const postgres = makeTraceSpan({
    spanId: POSTGRES_ID,
    parentSpanId: USERS_ID,
    service: "user-service",
    name: "SELECT users",
    kind: SpanKind.CLIENT,
    startMs: 20,
    endMs: 60,
    attributes: {
      "db.system.name": "postgresql",
      "db.namespace": "accounts",
      "db.query.text": "SELECT * FROM users WHERE id = $1",
      "db.response.returned_rows": 1,
      "server.port": 5432,
    },
  });
  const cache: TraceContextSpanInput = {
    ...makeTraceSpan({
      spanId: CACHE_ID,
      parentSpanId: USERS_ID,
      service: "user-service",
      name: "GET session",
      kind: SpanKind.CLIENT,
      status: options.cacheFails ? "error" : "ok",
      startMs: 65,
      endMs: 70,
      attributes: { "db.system.name": "redis" },
    }),
    ...(options.cacheFails
      ? {
          statusMessage: "connection refused",
          events: [{ name: "exception", attributes: { "exception.type": "ConnectionError", "exception.message": "connect ECONNREFUSED" } }],
        }
      : {}),
  };
  // Out of start order on purpose: the context must not depend on arrival order.
  return [cache, postgres, gateway, users];
}
