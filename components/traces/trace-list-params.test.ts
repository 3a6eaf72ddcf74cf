import { describe, expect, it } from "vitest";
import { parseTraceSearchQuery } from "@/lib/traces/trace-search-query";
import { hasTraceFilters, NO_TRACE_FILTERS, readTraceListParams, tracesApiQuery, writeTraceListParams, type TraceListParams } from "./trace-list-params";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const NOW_MS = Date.parse("2026-12-06T12:00:00Z");

const everything: TraceListParams = {
  traceId: TRACE_ID,
  service: "payments",
  operation: "POST /charges",
  attrs: ["http.response.status_code:502", "customer.tier!=gold", "feature.flag exists", 'url.full:"http://shop:8080/a b"'],
  status: "error",
  minDurationMs: "250",
  maxDurationMs: "1500.5",
  since: "6h",
  to: "2026-12-06T10:00:00.000Z",
  page: 3,
};

const read = (query: string) => readTraceListParams(new URLSearchParams(query));

describe("trace list URL params", () => {
  it("reads back every field it writes, attr repeated in order", () => {
    const query = writeTraceListParams(everything);
    expect(new URLSearchParams(query).getAll("attr")).toEqual(everything.attrs);
    expect(read(query)).toEqual(everything);
  });

  it("round-trips each field alone", () => {
    const page1 = { ...NO_TRACE_FILTERS, attrs: [] as string[], page: 1 };
    for (const patch of [
      { traceId: TRACE_ID },
      { service: "users" },
      { operation: "GET /users/:id" },
      { attrs: ["a:1"] },
      { status: "ok" as const },
      { status: "unset" as const },
      { minDurationMs: "0.5" },
      { maxDurationMs: "10" },
      { since: "15m" as const },
      { to: "1765015200000" },
      { page: 2 },
    ]) {
      const params = { ...page1, ...patch };
      expect(read(writeTraceListParams(params)), JSON.stringify(patch)).toEqual(params);
    }
  });

  it("writes nothing for the defaults and reads the defaults from nothing", () => {
    const defaults = read("");
    expect(defaults).toEqual({ ...NO_TRACE_FILTERS, page: 1 });
    expect(writeTraceListParams(defaults)).toBe("");
    expect(hasTraceFilters(defaults)).toBe(false);
    expect(hasTraceFilters({ ...defaults, page: 4 })).toBe(false);
    expect(hasTraceFilters({ ...defaults, since: "1h" })).toBe(true);
    expect(hasTraceFilters({ ...defaults, attrs: ["a exists"] })).toBe(true);
  });

  it("uses the search API's names, so a page URL reads like its request", () => {
    expect(writeTraceListParams({ ...everything, attrs: ["a:1", "b exists"] })).toBe(
      `?trace_id=${TRACE_ID}&service=payments&operation=POST+%2Fcharges&attr=a%3A1&attr=b+exists&status=error&min_duration_ms=250&max_duration_ms=1500.5&since=6h&to=2026-12-06T10%3A00%3A00.000Z&page=3`,
    );
  });

  it("drops what cannot be a choice and keeps free text for the server to judge", () => {
    const params = read("trace_id=abc&status=failed&since=2y&page=-1&attr=&attr=%20x%20&min_duration_ms=fast&to=yesterday&service=%20a%20");
    expect(params).toMatchObject({ traceId: "", status: "", since: "", page: 1, attrs: ["x"], minDurationMs: "fast", to: "yesterday", service: "a" });
    // A trace id in capitals, as tools print it, is kept lowercase.
    expect(read(`trace_id=${TRACE_ID.toUpperCase()}`).traceId).toBe(TRACE_ID);
  });

  it("turns the relative range into `from` when the query runs and keeps `to`", () => {
    const api = new URLSearchParams(tracesApiQuery(everything, NOW_MS));
    expect(api.get("from")).toBe(String(NOW_MS - 6 * 3_600_000));
    expect(api.get("to")).toBe(everything.to);
    expect(api.get("since")).toBeNull();
    expect(api.get("page")).toBeNull();
    expect(api.get("limit")).toBe("50");
    expect(api.get("offset")).toBe("100");
    expect(new URLSearchParams(tracesApiQuery({ ...everything, since: "" }, NOW_MS)).get("from")).toBeNull();
  });

  it("asks the API for exactly the query the params describe, in the API's own names", () => {
    const asked = parseTraceSearchQuery(new URLSearchParams(tracesApiQuery(everything, NOW_MS)));
    const byHand = new URLSearchParams({
      trace_id: TRACE_ID,
      service: "payments",
      operation: "POST /charges",
      status: "error",
      min_duration_ms: "250",
      max_duration_ms: "1500.5",
      from: String(NOW_MS - 6 * 3_600_000),
      to: "2026-12-06T10:00:00.000Z",
      limit: "50",
      offset: "100",
    });
    for (const attr of everything.attrs) byHand.append("attr", attr);
    expect(asked).toEqual(parseTraceSearchQuery(byHand));
    // The quoted value keeps its colon and space; the order of the filters is kept.
    expect(asked.span.attributes.map((a) => a.op)).toEqual(["equals", "not_equals", "exists", "equals"]);
    expect(asked.span.attributes[3]).toEqual({ key: "url.full", op: "equals", value: "http://shop:8080/a b" });
  });
});
