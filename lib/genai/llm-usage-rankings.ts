// The two "what to look at first" lists of the LLM page: the slowest operations and the most
// frequent errors. Both are capped so the page stays readable; ties break on names so the
// lists do not reshuffle between refreshes.
import { durationQuantileMs, sketchDurations } from "../flows/duration-sketch";
import type { LlmCall } from "./llm-call";
import type { LlmErrorGroup, LlmSlowOperation } from "./llm-usage-types";

export const RANKING_LIMIT = 10;

/** Operations (service + span name + model) by p95 latency, then max, then name. */
export function slowestOperations(calls: readonly LlmCall[], limit = RANKING_LIMIT): LlmSlowOperation[] {
  const groups = new Map<string, { sample: LlmCall; slowest: LlmCall; durationsMs: number[] }>();
  for (const call of calls) {
    if (!Number.isFinite(call.durationMs)) continue;
    const key = JSON.stringify([call.service, call.name, call.model]);
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { sample: call, slowest: call, durationsMs: [call.durationMs] });
    } else {
      group.durationsMs.push(call.durationMs);
      if (call.durationMs > group.slowest.durationMs) group.slowest = call;
    }
  }
  return [...groups.values()]
    .map(({ sample, slowest, durationsMs }) => ({
      service: sample.service,
      name: sample.name,
      model: sample.model,
      count: durationsMs.length,
      p95Ms: durationQuantileMs(sketchDurations(durationsMs), 0.95),
      maxMs: slowest.durationMs,
      slowest: { traceId: slowest.traceId, spanId: slowest.spanId },
    }))
    .sort(
      (a, b) =>
        b.p95Ms - a.p95Ms ||
        b.maxMs - a.maxMs ||
        compare(a.service, b.service) ||
        compare(a.name, b.name) ||
        compare(a.model, b.model),
    )
    .slice(0, limit);
}

/** Failed calls grouped by model and error type, most frequent first. */
export function topErrors(calls: readonly LlmCall[], limit = RANKING_LIMIT): LlmErrorGroup[] {
  const groups = new Map<string, LlmErrorGroup>();
  for (const call of calls) {
    if (!call.isError) continue;
    const key = JSON.stringify([call.model, call.errorType]);
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, {
        model: call.model,
        errorType: call.errorType,
        count: 1,
        lastSeenMs: call.startMs,
        latest: { traceId: call.traceId, spanId: call.spanId },
      });
    } else {
      group.count += 1;
      if (call.startMs >= group.lastSeenMs) {
        group.lastSeenMs = call.startMs;
        group.latest = { traceId: call.traceId, spanId: call.spanId };
      }
    }
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || b.lastSeenMs - a.lastSeenMs || compare(a.model, b.model) || compare(a.errorType, b.errorType))
    .slice(0, limit);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
