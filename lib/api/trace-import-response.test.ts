import { describe, expect, it } from "vitest";
import { traceImportResponse } from "./trace-import-response";

const result = { format: null, traces: 0, spans: 0, skipped_spans: 0, rejected_spans: 0, problems: [{ where: "x.csv:1:1", message: "not valid JSON: …" }], warnings: [] };

describe("traceImportResponse", () => {
  it("answers the result with its status", async () => {
    const response = traceImportResponse({ ok: true, status: 422, result });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual(result);
  });

  it("asks the caller to send the file again later when overloaded", async () => {
    const response = traceImportResponse({ ok: false, status: 503, code: "unavailable", message: "Flowprint is ingesting more spans than it can store; retry later.", retryAfterSeconds: 1 });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toEqual({ error: { code: "unavailable", message: "Flowprint is ingesting more spans than it can store; retry later." } });
  });

  it("sends no Retry-After for a refusal a retry will not fix", () => {
    expect(traceImportResponse({ ok: false, status: 413, code: "payload_too_large", message: "too large" }).headers.get("retry-after")).toBeNull();
  });
});
