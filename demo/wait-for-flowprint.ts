// Waits until Flowprint accepts traffic, so the first traces are not lost to a still-starting
// app. Ready means GET /api/health answers 2xx, or an empty OTLP request is accepted.
import type { ExportConfig } from "./config";

const ATTEMPT_TIMEOUT_MS = 3_000;

async function answers(url: string, init: RequestInit): Promise<boolean> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false; // not listening yet
  }
}

/** Resolves true once Flowprint is up, false after `timeoutMs`, retrying quietly every second. */
export async function waitForFlowprint(flowprintUrl: string, exportConfig: ExportConfig, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const contentType = exportConfig.format === "json" ? "application/json" : "application/x-protobuf";
  // An empty protobuf message is a valid (empty) ExportTraceServiceRequest; "{}" is its JSON form.
  const emptyRequest = exportConfig.format === "json" ? "{}" : new Uint8Array(0);
  while (Date.now() < deadline) {
    if (await answers(`${flowprintUrl}/api/health`, { method: "GET" })) return true;
    const ingest = { method: "POST", headers: { ...exportConfig.headers, "content-type": contentType }, body: emptyRequest };
    if (await answers(exportConfig.tracesUrl, ingest)) return true;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return false;
}
