// Counts rejected spans by reason and words the OTLP partial_success error_message. Senders
// log that message, so it names the protocol's field names and stays one line.

const REASON_TEXT = {
  traceIdMissing: "without a trace_id",
  traceIdEncoding: "with an invalid trace_id (neither hex nor base64)",
  traceIdLength: "with an invalid trace_id (not 16 bytes)",
  traceIdZero: "with an invalid trace_id (all zero)",
  spanIdMissing: "without a span_id",
  spanIdEncoding: "with an invalid span_id (neither hex nor base64)",
  spanIdLength: "with an invalid span_id (not 8 bytes)",
  spanIdZero: "with an invalid span_id (all zero)",
  parentSpanIdEncoding: "with an invalid parent_span_id (neither hex nor base64)",
  parentSpanIdLength: "with an invalid parent_span_id (not 8 bytes)",
  parentSpanIdZero: "with an invalid parent_span_id (all zero)",
  nameMissing: "without a name",
} as const;

export type RejectionReason = keyof typeof REASON_TEXT;

const REASONS = Object.keys(REASON_TEXT) as RejectionReason[];

export class RejectionTally {
  count = 0;
  private readonly byReason = new Map<RejectionReason, number>();

  add(reason: RejectionReason): void {
    this.count++;
    this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + 1);
  }

  /** "" when nothing was rejected, else e.g. "2 spans rejected: 1 with ..., 1 without a name". */
  message(): string {
    if (this.count === 0) return "";
    // A fixed reason order keeps the message stable for the same input.
    const parts = REASONS.filter((r) => this.byReason.has(r)).map((r) => `${this.byReason.get(r)} ${REASON_TEXT[r]}`);
    return `${this.count} ${this.count === 1 ? "span" : "spans"} rejected: ${parts.join(", ")}`;
  }
}
