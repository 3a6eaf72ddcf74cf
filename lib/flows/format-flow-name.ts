import type { EntryPoint } from "./find-entry-point";

/** `"<entry service> → <entry operation>"`, the name a discovered flow is listed under. */
export function formatFlowName(entry: EntryPoint): string {
  return `${entry.service} → ${entry.operation}`;
}
