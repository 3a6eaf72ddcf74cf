import { describe, expect, it } from "vitest";
import { isResourceAttributeKey } from "./is-resource-attribute-key";

describe("isResourceAttributeKey", () => {
  it("knows the semantic conventions' resource attributes and leaves span attributes alone", () => {
    expect(["host.name", "k8s.pod.name", "telemetry.sdk.language", "service.version", "deployment.environment", "process.pid"].every(isResourceAttributeKey)).toBe(true);
    expect(["http.method", "service.peer.name", "peer.service", "faas.trigger", "db.system", "error"].some(isResourceAttributeKey)).toBe(false);
  });
});
