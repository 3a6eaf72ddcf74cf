import { describe, expect, it } from "vitest";
import { toErrorResponse } from "./errors";
import { traceSearchQueryOf, traceSearchQuerySchema } from "./traces.schemas";

describe("traceSearchQueryOf", () => {
  it("answers 400 naming the bad parameter", () => {
    let thrown: unknown;
    try {
      traceSearchQueryOf(new URLSearchParams("attr=tier&limit=5"));
    } catch (error) {
      thrown = error;
    }
    expect(toErrorResponse(thrown)).toEqual({
      status: 400,
      body: { error: { code: "invalid_request", message: 'Invalid attr: "tier" is not key:value, key!=value or key exists', issues: [{ path: "attr", message: '"tier" is not key:value, key!=value or key exists' }] } },
    });
  });

  it("passes a good query through", () => {
    expect(traceSearchQueryOf(new URLSearchParams("service=orders&attr=tier:gold&attr=region:eu"))).toMatchObject({
      span: { service: "orders", attributes: [{ key: "tier" }, { key: "region" }] },
    });
  });
});

describe("traceSearchQuerySchema", () => {
  // What the document promises for each parameter alone is what the parser does.
  it.each([
    "",
    "trace_id=ABCDEF0123456789abcdef0123456789",
    "trace_id=abc",
    "service=orders",
    `service=${"s".repeat(257)}`,
    "operation=GET /x",
    "attr=tier:gold",
    "attr=a:1&attr=b exists",
    "status=error",
    "status=failed",
    "min_duration_ms=1.5",
    "min_duration_ms=-1",
    "max_duration_ms=abc",
    "from=1700000000000",
    "from=2026-12-06T10:00:00Z",
    "from=2026-12-06",
    "to=2026-12-06T10:00:00",
    "limit=1000",
    "limit=0",
    "offset=5",
    "offset=-5",
  ])("agrees with the parser on %s", (text) => {
    const params = new URLSearchParams(text);
    const object: Record<string, string | string[]> = {};
    for (const key of new Set(params.keys())) object[key] = key === "attr" && params.getAll(key).length > 1 ? params.getAll(key) : params.get(key)!;
    let parsed = true;
    try {
      traceSearchQueryOf(params);
    } catch {
      parsed = false;
    }
    expect(traceSearchQuerySchema.safeParse(object).success).toBe(parsed);
  });
});
