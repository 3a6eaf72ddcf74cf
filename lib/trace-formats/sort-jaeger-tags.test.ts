import { describe, expect, it } from "vitest";
import { sortJaegerTags } from "./sort-jaeger-tags";

describe("sortJaegerTags", () => {
  it("orders span, log and process tags by key and leaves the rest alone", () => {
    const tag = (key: string) => ({ key, type: "string" as const, value: key });
    const sorted = sortJaegerTags({
      traceID: "t",
      warnings: null,
      spans: [{ traceID: "t", spanID: "s", operationName: "op", references: [], startTime: 1, duration: 2, tags: [tag("sql"), tag("database")], logs: [{ timestamp: 1, fields: [tag("message"), tag("event")] }], processID: "p1", warnings: null }],
      processes: { p1: { serviceName: "svc", tags: [tag("ip"), tag("hostname")] } },
    });
    expect(sorted.spans[0].tags.map((t) => t.key)).toEqual(["database", "sql"]);
    expect(sorted.spans[0].logs[0].fields.map((t) => t.key)).toEqual(["event", "message"]);
    expect(sorted.processes.p1.tags.map((t) => t.key)).toEqual(["hostname", "ip"]);
    expect(sorted.spans[0].operationName).toBe("op");
  });
});
