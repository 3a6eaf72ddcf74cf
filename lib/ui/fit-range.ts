// The default range of a page of figures over time: the shortest of its preset ranges that still
// shows the oldest data point, so a few minutes of calls fill the charts instead of making a
// spike at the edge of a day.

export interface PresetRange<Id extends string> {
  id: Id;
  ms: number;
}

/**
 * The shortest preset covering `oldestMs` to `nowMs` with a little room on the left (so the
 * first point is not drawn on the axis), the longest when none does, `fallback` without data.
 */
export function fitRange<Id extends string>(presets: readonly PresetRange<Id>[], oldestMs: number | null, nowMs: number, fallback: Id): Id {
  if (oldestMs === null || !Number.isFinite(oldestMs)) return fallback;
  const needed = Math.max(0, nowMs - oldestMs) * 1.05;
  const sorted = [...presets].sort((a, b) => a.ms - b.ms);
  return (sorted.find((p) => p.ms >= needed) ?? sorted[sorted.length - 1]).id;
}
