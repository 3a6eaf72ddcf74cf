// The Traces page's time ranges. The URL keeps the range relative (`since=1h`), not as times:
// a shared or reloaded link shows the latest hour then, not the hour it was copied in.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const TRACE_TIME_RANGES = [
  { id: "15m", label: "Last 15 minutes", ms: 15 * MINUTE },
  { id: "1h", label: "Last hour", ms: HOUR },
  { id: "6h", label: "Last 6 hours", ms: 6 * HOUR },
  { id: "24h", label: "Last 24 hours", ms: 24 * HOUR },
  { id: "7d", label: "Last 7 days", ms: 7 * 24 * HOUR },
] as const;

export type TraceTimeRangeId = (typeof TRACE_TIME_RANGES)[number]["id"];

export const traceTimeRange = (id: string) => TRACE_TIME_RANGES.find((range) => range.id === id);
