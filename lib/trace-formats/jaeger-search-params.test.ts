import { describe, expect, it } from "vitest";
import { TraceSearchQueryError } from "../traces/trace-search-query";
import { jaegerSearchQuery, parseGoDuration } from "./jaeger-search-params";

const query = (q: string, nowMs = 1_800_000_000_000) => jaegerSearchQuery(new URLSearchParams(q), nowMs);

describe("Jaeger's /api/traces parameters as a trace search", () => {
  it("reads what Jaeger's UI sends: service, operation, tags, span durations, a time range in µs, a limit", () => {
    const q = query('service=payments&operation=POST%20/charge&tags={"http.status_code":"502","retry":true}&minDuration=1.5ms&maxDuration=2s&start=1700000000000000&end=1700003600000000&limit=5');
    expect(q).toEqual({
      span: {
        service: "payments",
        operation: "POST /charge",
        status: undefined,
        attributes: [
          { key: "http.status_code", op: "equals", value: "502" },
          { key: "retry", op: "equals", value: "true" },
        ],
        minDurationMs: 1.5,
        maxDurationMs: 2000,
      },
      fromMs: 1_700_000_000_000,
      toMs: 1_700_003_600_001,
      limit: 5,
      offset: 0,
    });
  });

  it("takes error=true as the error status, repeated tag=k:v, operation=all as any, and 20 traces by default", () => {
    expect(query("tag=otel.status_code:ERROR").span.status).toBe("error");
    const q = query("service=shop&operation=all&tag=error:true&tag=peer.service:db:primary");
    expect(q.span).toMatchObject({ service: "shop", operation: undefined, status: "error", attributes: [{ key: "peer.service", op: "equals", value: "db:primary" }] });
    expect(q.limit).toBe(20);
  });

  it("counts a lookback back from end, or from now", () => {
    expect(query("service=a&lookback=1h", 10_000_000).fromMs).toBe(10_000_000 - 3_600_000);
    expect(query("service=a&lookback=2h&end=20000000000", 0)).toMatchObject({ fromMs: 20_000_000 - 7_200_000, toMs: 20_000_001 });
    expect(query("service=a&lookback=custom").fromMs).toBeUndefined();
  });

  it("parses Go durations", () => {
    expect(parseGoDuration("d", "1m30s")).toBe(90_000);
    expect(parseGoDuration("d", "250us")).toBe(0.25);
    expect(() => parseGoDuration("minDuration", "fast")).toThrow(/minDuration/);
  });

  it("names the bad parameter", () => {
    const bad = (q: string) => {
      try {
        query(q);
      } catch (error) {
        return error instanceof TraceSearchQueryError ? error.parameter : "other";
      }
      return null;
    };
    expect(bad("tags=not-json")).toBe("tags");
    expect(bad("tags=[1]")).toBe("tags");
    expect(bad("tag=novalue")).toBe("tag");
    expect(bad("tag=span.kind:server")).toBe("tags");
    expect(bad("start=yesterday")).toBe("start");
    expect(bad("limit=0")).toBe("limit");
    expect(bad("maxDuration=1x")).toBe("maxDuration");
  });
});
