import { describe, expect, it } from "vitest";
import { formatEdgeId } from "./format-edge-id";

describe("formatEdgeId", () => {
  it("reads as kind, source and target", () => {
    expect(formatEdgeId("service:frontend", "calls", "api_endpoint:GET /route")).toBe("calls:service:frontend→api_endpoint:GET /route");
  });

  it("tells apart node ids that contain the separator", () => {
    const a = formatEdgeId("topic:a→b", "consumes", "service:c");
    const b = formatEdgeId("topic:a", "consumes", "b→service:c");
    expect(a).not.toBe(b);
    expect(formatEdgeId("topic:a\\", "publishes", "x")).not.toBe(formatEdgeId("topic:a", "publishes", "\\x"));
  });

  it("differs by kind", () => {
    expect(formatEdgeId("service:a", "reads", "database:d")).not.toBe(formatEdgeId("service:a", "writes", "database:d"));
  });
});
