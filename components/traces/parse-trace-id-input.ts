// What the trace search box accepts: a trace id as the tools people copy it from print it —
// plain hex in any case, a UUID-style id with dashes, or a whole W3C traceparent header.

export type TraceIdInput = { kind: "empty" } | { kind: "id"; traceId: string } | { kind: "invalid"; message: string; incomplete: boolean };

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

export function parseTraceIdInput(text: string): TraceIdInput {
  const raw = text.trim().toLowerCase();
  if (raw === "") return { kind: "empty" };
  const fromHeader = TRACEPARENT.exec(raw)?.[1];
  const hex = fromHeader ?? raw.replace(/^0x/, "").replace(/-/g, "");
  if (/[^0-9a-f]/.test(hex)) {
    return { kind: "invalid", incomplete: false, message: "Trace ids are hexadecimal: only the digits 0–9 and the letters a–f." };
  }
  if (hex.length !== 32) {
    return {
      kind: "invalid",
      incomplete: hex.length < 32,
      message: `A trace id is 32 hexadecimal characters; this is ${hex.length}.`,
    };
  }
  if (/^0+$/.test(hex)) return { kind: "invalid", incomplete: false, message: "The all-zero trace id is not valid." };
  return { kind: "id", traceId: hex };
}
