import { describe, expect, it } from "vitest";
import type { ExportableFlow } from "./build-flowprint-test";
import { exportFlow } from "./export-flow";

const flow: ExportableFlow = {
  id: "3f0c7c5e-8d7e-4a55-9a43-5b8f1c2d9e10",
  name: "api-gateway → POST /orders",
  entryService: "api-gateway",
  entryOperation: "POST /orders",
  fingerprint: "ac768ca7c2225b8d4baf791c12f0d40fd1b916bf5e116a5721abe671297820e7",
  path: [{ type: "api_endpoint", identifier: "POST /orders", service: "api-gateway" }],
  occurrenceCount: 3,
  riskScore: 0.01,
  errorRate: 0,
  p95DurationMs: 40,
  nodeP95Ms: new Map([["api_endpoint:POST /orders", 40]]),
};

const recordedEntry = {
  traceId: "0af7651916cd43dd8448eb211c80319c",
  spanName: "POST /orders",
  attributes: { "http.request.method": "POST", "http.route": "/orders", "url.path": "/orders", "url.scheme": "http", "server.address": "127.0.0.1", "server.port": 4100 },
};

describe("exportFlow", () => {
  it("reports the base_url the trace recorded, so the run command needs no --base-url", () => {
    const exported = exportFlow(flow, recordedEntry, "flowprint", { timeoutMs: 30_000 });
    expect(exported.base_url).toBe("http://127.0.0.1:4100");
    expect(exported.yaml).toContain("base_url: http://127.0.0.1:4100");
    expect(exported.yaml).toContain(`# Run: npx flowprint run ${exported.file_name} --server`);
  });

  it("reports no base_url when the file holds a stand-in, and its header asks for --base-url", () => {
    const exported = exportFlow(flow, null, "flowprint", { timeoutMs: 30_000 });
    expect(exported.base_url).toBeNull();
    expect(exported.yaml).toContain("base_url: http://localhost:8080");
    expect(exported.yaml).toContain("--base-url <url of the system>");
  });

  it("has no base_url for the TestMesh format", () => {
    expect(exportFlow(flow, recordedEntry, "testmesh", { timeoutMs: 30_000 }).base_url).toBeNull();
  });
});
