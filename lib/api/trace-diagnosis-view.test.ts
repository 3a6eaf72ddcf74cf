import { describe, expect, it } from "vitest";
import { traceDiagnosisView } from "./trace-diagnosis-view";

const T0 = 1_795_362_179_000_000_000n;
const row = (spanId: string, parent: string | null, startMs: number, endMs: number, extra: { status?: "unset" | "ok" | "error"; status_message?: string; kind?: "server" | "client" } = {}) => ({
  trace_id: "0af7651916cd43dd8448eb211c80319c",
  span_id: spanId,
  parent_span_id: parent,
  service: "shop",
  name: `op ${spanId}`,
  kind: extra.kind ?? "server",
  status: extra.status ?? "unset",
  status_message: extra.status_message ?? "",
  start_time_unix_nano: (T0 + BigInt(startMs * 1_000_000)).toString(),
  end_time_unix_nano: (T0 + BigInt(endMs * 1_000_000)).toString(),
  attributes: {},
});

describe("traceDiagnosisView", () => {
  it("gives the critical path, the error origins and their chains in the API's shape", () => {
    const view = traceDiagnosisView([
      row("aaaaaaaaaaaaaaaa", null, 0, 100, { status: "error", status_message: "checkout failed: card declined" }),
      row("bbbbbbbbbbbbbbbb", "aaaaaaaaaaaaaaaa", 10, 40, { kind: "client" }),
      row("cccccccccccccccc", "aaaaaaaaaaaaaaaa", 50, 80, { kind: "client", status: "error", status_message: "card declined" }),
    ]);
    expect(view.critical_path).toEqual([
      { span_id: "aaaaaaaaaaaaaaaa", start_time_unix_nano: T0.toString(), end_time_unix_nano: (T0 + 10_000_000n).toString(), duration_ms: 10, self_time_ms: 40 },
      { span_id: "bbbbbbbbbbbbbbbb", start_time_unix_nano: (T0 + 10_000_000n).toString(), end_time_unix_nano: (T0 + 40_000_000n).toString(), duration_ms: 30, self_time_ms: 30 },
      { span_id: "aaaaaaaaaaaaaaaa", start_time_unix_nano: (T0 + 40_000_000n).toString(), end_time_unix_nano: (T0 + 50_000_000n).toString(), duration_ms: 10, self_time_ms: 40 },
      { span_id: "cccccccccccccccc", start_time_unix_nano: (T0 + 50_000_000n).toString(), end_time_unix_nano: (T0 + 80_000_000n).toString(), duration_ms: 30, self_time_ms: 30 },
      { span_id: "aaaaaaaaaaaaaaaa", start_time_unix_nano: (T0 + 80_000_000n).toString(), end_time_unix_nano: (T0 + 100_000_000n).toString(), duration_ms: 20, self_time_ms: 40 },
    ]);
    expect(view.error_origins).toEqual([
      {
        span_id: "cccccccccccccccc",
        service: "shop",
        operation: "op cccccccccccccccc",
        status_message: "card declined",
        reason: "leaf_error",
        role: "cause",
        start_time_unix_nano: (T0 + 50_000_000n).toString(),
        duration_ms: 30,
        masked_by_span_id: null,
      },
    ]);
    expect(view.error_chains).toEqual([{ origin_span_id: "cccccccccccccccc", role: "cause", reason: "leaf_error", links: ["cccccccccccccccc", "aaaaaaaaaaaaaaaa"] }]);
  });

  it("is empty for a trace without spans", () => {
    expect(traceDiagnosisView([])).toEqual({ critical_path: [], error_origins: [], error_chains: [] });
  });
});
