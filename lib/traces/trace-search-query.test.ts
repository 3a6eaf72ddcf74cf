import { describe, expect, it } from "vitest";
import { parseTraceSearchQuery, traceSearchParams, TraceSearchQueryError, type TraceSearchQuery } from "./trace-search-query";

const parse = (query: string) => parseTraceSearchQuery(new URLSearchParams(query));
const failure = (query: string): { parameter: string; message: string } => {
  try {
    parse(query);
  } catch (error) {
    if (error instanceof TraceSearchQueryError) return { parameter: error.parameter, message: error.message };
    throw error;
  }
  throw new Error(`${query} parsed`);
};

describe("parseTraceSearchQuery", () => {
  it("defaults to the newest page of every trace", () => {
    expect(parse("")).toEqual({ span: { attributes: [] }, limit: 50, offset: 0 });
  });

  it("reads every filter", () => {
    const query = parse(
      "trace_id=ABCDEF0123456789ABCDEF0123456789&service=orders&operation=SELECT orders&attr=db.system.name:postgresql&attr=tier!=gold&attr=order.id exists" +
        "&status=error&min_duration_ms=0.5&max_duration_ms=2000&from=1700000000000&to=2023-11-14T22:20:00Z&limit=100&offset=200",
    );
    expect(query).toEqual<TraceSearchQuery>({
      traceId: "abcdef0123456789abcdef0123456789",
      span: {
        service: "orders",
        operation: "SELECT orders",
        status: "error",
        attributes: [
          { key: "db.system.name", op: "equals", value: "postgresql" },
          { key: "tier", op: "not_equals", value: "gold" },
          { key: "order.id", op: "exists" },
        ],
      },
      fromMs: 1_700_000_000_000,
      toMs: Date.parse("2023-11-14T22:20:00Z"),
      minDurationMs: 0.5,
      maxDurationMs: 2000,
      limit: 100,
      offset: 200,
    });
  });

  it("treats blank values as not given and ignores other parameters", () => {
    expect(parse("service=&attr=&status=&from=&page=3")).toEqual({ span: { attributes: [] }, limit: 50, offset: 0 });
    expect(parse("service=%20orders%20").span.service).toBe("orders");
  });

  it("accepts ISO date-times with an offset", () => {
    expect(parse("from=2026-12-06T10:00:00%2B01:00").fromMs).toBe(Date.parse("2026-12-06T09:00:00Z"));
    expect(parse("from=2026-12-06T10:00:00.250Z").fromMs).toBe(Date.parse("2026-12-06T10:00:00.250Z"));
  });

  it("names the parameter that is wrong", () => {
    expect(failure("trace_id=xyz")).toEqual({ parameter: "trace_id", message: "Invalid trace_id: must be 32 hexadecimal characters" });
    expect(failure("status=failed").parameter).toBe("status");
    expect(failure("service=a&service=b")).toEqual({ parameter: "service", message: "Invalid service: must be given once" });
    expect(failure(`service=${"s".repeat(257)}`).parameter).toBe("service");
    expect(failure(`operation=${"o".repeat(1025)}`).parameter).toBe("operation");
    expect(failure("attr=tier")).toEqual({ parameter: "attr", message: 'Invalid attr: "tier" is not key:value, key!=value or key exists' });
    expect(failure(Array.from({ length: 21 }, (_, i) => `attr=k${i}:v`).join("&")).parameter).toBe("attr");
    expect(failure("min_duration_ms=-1").parameter).toBe("min_duration_ms");
    expect(failure("max_duration_ms=1e3").parameter).toBe("max_duration_ms");
    expect(failure("min_duration_ms=10&max_duration_ms=5")).toEqual({ parameter: "max_duration_ms", message: "Invalid max_duration_ms: must not be less than min_duration_ms" });
    expect(failure("from=yesterday").parameter).toBe("from");
    expect(failure("from=2026-12-06").parameter).toBe("from");
    expect(failure("to=2026-12-06T10:00:00").parameter).toBe("to");
    expect(failure("from=99999999999999999").parameter).toBe("from");
    expect(failure("from=2000&to=1000")).toEqual({ parameter: "to", message: "Invalid to: must be after from" });
    expect(failure("from=1000&to=1000").parameter).toBe("to");
    expect(failure("limit=0")).toEqual({ parameter: "limit", message: "Invalid limit: must be between 1 and 1000" });
    expect(failure("limit=1001").parameter).toBe("limit");
    expect(failure("limit=2.5").parameter).toBe("limit");
    expect(failure("offset=-1").parameter).toBe("offset");
    expect(failure("offset=1000001").parameter).toBe("offset");
  });

  it("writes a query back as the parameters it was read from", () => {
    for (const text of [
      "",
      "service=orders&operation=GET+%2Forders&attr=tier%3Agold&attr=%22aws%3Aregion%22%21%3Deu&attr=id+exists&status=ok&min_duration_ms=1.5&max_duration_ms=9&from=1&to=2&limit=10&offset=20",
      "trace_id=abcdef0123456789abcdef0123456789",
    ]) {
      const query = parse(text);
      expect(traceSearchParams(query).toString()).toBe(text);
      expect(parseTraceSearchQuery(traceSearchParams(query))).toEqual(query);
    }
  });
});
