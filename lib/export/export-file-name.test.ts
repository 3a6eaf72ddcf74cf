import { describe, expect, it } from "vitest";
import { exportFileName } from "./export-file-name";

const fingerprint = "ac768ca7c2225b8d4baf791c12f0d40fd1b916bf5e116a5721abe671297820e7";

describe("exportFileName", () => {
  it("slugs the name and ends with the fingerprint's first eight digits", () => {
    expect(exportFileName({ name: "checkout → POST /orders", fingerprint })).toBe("checkout-post-orders-ac768ca7.yaml");
    expect(exportFileName({ name: "→ 注文", fingerprint })).toBe("flow-ac768ca7.yaml");
  });

  it("gives variants of one entry point different files", () => {
    const names = [
      { name: "api-gateway → POST /api/v1/orders · + loyalty", fingerprint: "1111aaaa" + fingerprint.slice(8) },
      { name: "api-gateway → POST /api/v1/orders · without loyalty", fingerprint: "2222bbbb" + fingerprint.slice(8) },
      { name: "api-gateway → POST /api/v1/orders · error", fingerprint: "3333cccc" + fingerprint.slice(8) },
    ].map(exportFileName);
    expect(names).toEqual([
      "api-gateway-post-api-v1-orders-loyalty-1111aaaa.yaml",
      "api-gateway-post-api-v1-orders-without-loyalty-2222bbbb.yaml",
      "api-gateway-post-api-v1-orders-error-3333cccc.yaml",
    ]);
  });

  it("keeps the fingerprint when names that slug alike belong to different flows", () => {
    const a = exportFileName({ name: "svc → GET /a-b", fingerprint: "aaaa0000" });
    const b = exportFileName({ name: "svc → GET /a/b", fingerprint: "bbbb0000" });
    expect(a).not.toBe(b);
  });

  it("keeps the fingerprint however long the name is", () => {
    const file = exportFileName({ name: `svc → GET /${"x".repeat(300)}`, fingerprint });
    expect(file.endsWith("-ac768ca7.yaml")).toBe(true);
    expect(file.length).toBeLessThanOrEqual(100 + "-ac768ca7.yaml".length);
  });
});
